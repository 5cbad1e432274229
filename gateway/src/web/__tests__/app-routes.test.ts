import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { decodeJwt } from 'jose';
import type { Logger } from '@mash/shared';
import { userAuthConfigFromEnv } from '../../auth/auth-config';
import { appRoutes, contentSecurityPolicy, safeReturnPath } from '../app-routes';
import type { WebConfig } from '../web-config';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const OIDC = { issuer: 'https://login.example.gov.uk/tenant', clientId: 'mash-screens', scope: 'openid profile', resource: null, token: 'access_token' as const };

describe('contentSecurityPolicy', () => {
  it('allows no inline script or style, no eval, no framing; the API only without sign-in configured', () => {
    const csp = contentSecurityPolicy({ dir: null, oidc: null });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self';");
  });

  it("adds the identity provider's origin (not its path) to connect-src, and nowhere else", () => {
    const csp = contentSecurityPolicy({ dir: null, oidc: OIDC });
    expect(csp).toContain("connect-src 'self' https://login.example.gov.uk;");
    expect(csp.match(/login\.example\.gov\.uk/g)).toHaveLength(1);
    expect(csp).not.toContain('/tenant');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('safeReturnPath', () => {
  it.each(['/app/', '/app', '/app/queue', '/app/cases/7f3c?tab=agencies'])('keeps %s', (value) => {
    expect(safeReturnPath(value)).toBe(value);
  });

  it.each([
    ['another site, scheme-relative', '//evil.example/app/'],
    ['another site, absolute', 'https://evil.example/app/'],
    ['a backslash browsers read as a slash', '/app\\\\evil.example'],
    ['a leading backslash', '/\\evil.example'],
    ['a path outside the app', '/graphql'],
    ['a look-alike prefix', '/apple'],
    ['a dot-dot step out', '/app/../graphql'],
    ['an encoded dot-dot step out', '/app/%2e%2E/graphql'],
    ['white space', '/app/\tqueue'],
    ['a fragment (the token goes there)', '/app/queue#x'],
    ['a relative path', 'app/queue'],
    ['not a string', ['/app/queue']],
    ['nothing', undefined],
  ])('refuses %s', (_what, value) => {
    expect(safeReturnPath(value)).toBe('/app/');
  });
});

/** The routes on a real listening server; `base` is its /app address. */
async function serve(web: WebConfig, demoMode: boolean): Promise<{ base: string; close(): Promise<void>; keyFile: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-web-'));
  const keyFile = path.join(dir, 'keys', 'demo.jwk.json');
  const auth = demoMode
    ? userAuthConfigFromEnv(keyFile, {})
    : userAuthConfigFromEnv(null, { AUTH_JWKS_URL: 'https://login.example.gov.uk/jwks', AUTH_ISSUER: OIDC.issuer, AUTH_AUDIENCE: 'mash-gateway' }, { production: true });
  const app = express();
  app.use('/app', appRoutes({ web, auth, demoMode, logger: quiet }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`,
    keyFile,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function builtApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-dist-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  return dir;
}

describe('appRoutes outside demo mode, with OpenID Connect configured', () => {
  const dist = builtApp();
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ dir: dist, oidc: OIDC }, false);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers /app/dev-login with 404, whatever the role, and mints nothing', async () => {
    for (const role of ['governance', 'mash-triage', 'root']) {
      const response = await fetch(`${server.base}/dev-login?role=${role}&returnTo=/app/queue`, { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.json()).toEqual({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
    }
    expect(fs.existsSync(server.keyFile)).toBe(false);
  });

  it('says in config.json that users sign in through the provider, with no demo roles', async () => {
    const response = await fetch(`${server.base}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ mode: 'oidc', roles: [], oidc: OIDC });
  });

  it("serves every screen under the CSP that lets the app talk to the provider's origin", async () => {
    const response = await fetch(`${server.base}/queue`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy');
    expect(csp).toBe(contentSecurityPolicy({ dir: dist, oidc: OIDC }));
    expect(csp).toContain('connect-src \'self\' https://login.example.gov.uk;');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('appRoutes in demo mode', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve({ dir: null, oidc: null }, true);
  });
  afterAll(() => server.close());

  it('offers the four roles in config.json', async () => {
    expect(await (await fetch(`${server.base}/config.json`)).json()).toEqual({
      mode: 'demo',
      roles: ['mash-triage', 'mash-manager', 'governance', 'agency-admin'],
      oidc: null,
    });
  });

  it.each([['an unknown role', 'role=root'], ['no role', 'returnTo=/app/queue'], ['two roles', 'role=governance&role=mash-triage']])('refuses %s with 400 naming `role`', async (_what, query) => {
    const response = await fetch(`${server.base}/dev-login?${query}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
    expect(body.errors[0].message).toMatch(/^role must be one of mash-triage, mash-manager, governance, agency-admin/);
  });

  it('refuses an agency-admin for an unknown agency with 400 naming `agency`', async () => {
    const response = await fetch(`${server.base}/dev-login?role=agency-admin&agency=hmrc`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'agency' });
  });

  it('answers 303 to the return path with the token in the fragment, never in the query', async () => {
    const response = await fetch(`${server.base}/dev-login?role=mash-triage&returnTo=${encodeURIComponent('/app/cases/42?tab=agencies')}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = response.headers.get('location')!;
    const match = /^\/app\/cases\/42\?tab=agencies#access_token=([^&]+)$/.exec(location);
    expect(match).not.toBeNull();
    expect(location.split('#')[0]).not.toContain('token');
    expect(decodeJwt(decodeURIComponent(match![1]))).toMatchObject({ roles: ['mash-triage'], iss: 'mash-demo-issuer', aud: 'mash-gateway' });
  });

  it('sends a return path outside the app to /app/ instead', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example', '/graphql', '/app/../graphql']) {
      const response = await fetch(`${server.base}/dev-login?role=governance&returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/app\/#access_token=/);
    }
  });

  it('without a built app, says how to build it (503), still under the CSP', async () => {
    const response = await fetch(`${server.base}/queue`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('appRoutes outside demo mode without OpenID Connect', () => {
  it("says in config.json that sign-in is not configured, and dev-login is still 404", async () => {
    const server = await serve({ dir: null, oidc: null }, false);
    try {
      expect(await (await fetch(`${server.base}/config.json`)).json()).toEqual({ mode: 'none', roles: [], oidc: null });
      expect((await fetch(`${server.base}/dev-login?role=governance`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
