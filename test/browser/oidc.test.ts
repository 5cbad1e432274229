import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_WEB_DIR } from '@mash/gateway/dist/web';
import { axeViolations, browserSuite, screenshot, startBrowserStack, type BrowserStack } from './support';

const CLIENT_ID = 'mash-screens';
/** The gateway's API as the provider knows it (RFC 8707 resource) and the audience of its access tokens. */
const RESOURCE = 'https://mash.test/graphql';
const AUDIENCE = 'mash-gateway';

/** A real OpenID provider (oidc-provider) in a child process; see oidc-provider.mjs. */
interface TestProvider {
  issuer: string;
  /** Sends it the gateway's callback address; resolves once it answers there. */
  configure(redirectUri: string): Promise<void>;
  /** What it wrote, for a failing test's message. */
  output(): string;
  stop(): void;
}

function message<T>(child: ChildProcess, output: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`the test OpenID provider exited (${code}):\n${output()}`));
    child.once('exit', exited);
    child.once('message', (value) => {
      child.off('exit', exited);
      resolve(value as T);
    });
  });
}

async function startProvider(): Promise<TestProvider> {
  const child = fork(path.join(__dirname, 'oidc-provider.mjs'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
  let written = '';
  child.stdout!.on('data', (chunk) => (written += chunk));
  child.stderr!.on('data', (chunk) => (written += chunk));
  const output = () => written;
  const { port } = await message<{ port: number }>(child, output);
  return {
    issuer: `http://127.0.0.1:${port}`,
    async configure(redirectUri) {
      const ready = message<{ issuer: string }>(child, output);
      child.send({ clientId: CLIENT_ID, redirectUri, resource: RESOURCE, audience: AUDIENCE, roles: ['mash-triage'] });
      await ready;
    },
    output,
    stop: () => child.kill(),
  };
}

/** The claims of a JWT, unverified (the gateway verifies; the test only looks). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

browserSuite('signing in through an OpenID provider (authorisation code with PKCE)', () => {
  let provider: TestProvider;
  let stack: BrowserStack;
  beforeAll(async () => {
    provider = await startProvider();
    const { issuer } = provider;
    stack = await startBrowserStack({
      production: true,
      identityProvider: { jwksUrl: `${issuer}/jwks`, issuer, audience: AUDIENCE },
      web: { dir: DEFAULT_WEB_DIR, oidc: { issuer, clientId: CLIENT_ID, scope: 'openid profile', resource: RESOURCE, token: 'access_token' } },
    });
    await provider.configure(`${stack.origin}/app/callback`);
  });
  afterAll(async () => {
    await stack?.stop();
    provider?.stop();
  });

  /** A signed-out page that can reach the gateway and the provider only (the provider's form links a web font). */
  async function freshPage(): Promise<Page> {
    const { context, page } = await stack.page(null);
    const allowed = new Set([stack.origin, provider.issuer]);
    await context.route('**/*', (route) => (allowed.has(new URL(route.request().url()).origin) ? route.continue() : route.abort()));
    return page;
  }

  it('runs without the demo sign-in: /app/dev-login is not there, and config.json names the provider', async () => {
    const devLogin = await fetch(`${stack.origin}/app/dev-login?role=governance&returnTo=/app/`, { redirect: 'manual' });
    expect(devLogin.status).toBe(404);
    expect(devLogin.headers.get('location')).toBeNull();
    const config = await fetch(`${stack.origin}/app/config.json`);
    expect(await config.json()).toEqual({
      mode: 'oidc',
      roles: [],
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scope: 'openid profile', resource: RESOURCE, token: 'access_token' },
    });
    expect(config.headers.get('content-security-policy')).toContain(`connect-src 'self' ${provider.issuer};`);
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: provider.issuer, jwks_uri: `${provider.issuer}/jwks` });
  });

  it("signs in at the provider and lands on the queue as mash-triage, the API answering with the provider's token", async () => {
    const page = await freshPage();
    await page.goto('/app/queue');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
    expect(await page.getByRole('link', { name: /^Sign in as / }).count()).toBe(0);
    expect(await axeViolations(page, 'sign-in-oidc')).toEqual([]);
    await screenshot(page, 'sign-in-oidc');

    const authorize = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`));
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    const request = new URL((await authorize).url());
    expect(Object.fromEntries(request.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${stack.origin}/app/callback`,
      scope: 'openid profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
      resource: RESOURCE,
    });
    expect(request.searchParams.has('code_verifier')).toBe(false);

    // The provider's own (development) sign-in form, then its consent prompt.
    await page.getByPlaceholder('Enter any login').fill('triage-officer-1');
    await page.getByPlaceholder('and password').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    const graphql = page.waitForRequest((sent) => sent.url() === `${stack.origin}/graphql` && sent.method() === 'POST');
    await page.getByRole('heading', { name: 'Triage queue', level: 1 }).waitFor();
    expect(page.url()).toBe(`${stack.origin}/app/queue`);
    await page.getByTestId('signed-in-as').getByText('mash-triage').waitFor();
    await page.getByRole('table', { name: 'Cases, soonest due first' }).getByRole('row').nth(1).waitFor();

    const token = (await page.evaluate('sessionStorage.getItem("mash.session")')) as string;
    expect(claimsOf(token)).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: 'triage-officer-1', roles: ['mash-triage'], client_id: CLIENT_ID });
    expect((await graphql).headers().authorization).toBe(`Bearer ${token}`);
    // The round trip's secrets are gone once used.
    expect(await page.evaluate('sessionStorage.getItem("mash.oidc.pending")')).toBeNull();
    // The gateway accepts the provider's token, and nothing else signed in its name.
    const accepted = await stack.federation.query('{ cases(limit: 1) { id } }', {}, token);
    expect(accepted.body.errors ?? []).toEqual([]);
    expect(accepted.body.data.cases).toHaveLength(1);
    const forged = await stack.federation.query('{ cases(limit: 1) { id } }', {}, await stack.federation.token({ role: 'mash-triage' }));
    expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // Signing out ends the provider's session too (RP-initiated logout), then back to sign-in.
    const endSession = page.waitForRequest((sent) => sent.url().startsWith(`${provider.issuer}/session/end?`));
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(Object.fromEntries(new URL((await endSession).url()).searchParams)).toEqual({
      client_id: CLIENT_ID,
      post_logout_redirect_uri: `${stack.origin}/app/sign-in?signed-out=1`,
    });
    await page.getByRole('button', { name: /Yes, sign me out/i }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(page.url()).toBe(`${stack.origin}/app/sign-in?signed-out=1`);
    expect(await page.evaluate('sessionStorage.getItem("mash.session")')).toBeNull();
  });

  it('says in words when the user cancels at the provider (access_denied), and offers to try again', async () => {
    const page = await freshPage();
    await page.goto('/app/sign-in');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.getByRole('heading', { name: 'Sign-in did not complete', level: 1 }).waitFor();
    await page.getByRole('alert').getByText('The identity provider did not let you sign in to this service (access denied).').waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate('sessionStorage.getItem("mash.session")')).toBeNull();
    await page.getByRole('link', { name: 'Try signing in again' }).waitFor();
    expect(await axeViolations(page, 'sign-in-oidc-refused')).toEqual([]);
    await screenshot(page, 'sign-in-oidc-refused');
  });

  it('refuses a callback this tab did not start (a code and state from elsewhere)', async () => {
    const page = await freshPage();
    await page.goto('/app/callback?code=stolen-code&state=guessed-state');
    await page.getByRole('alert').getByText(/not started from this browser tab/).waitFor();
    expect(await page.evaluate('sessionStorage.getItem("mash.session")')).toBeNull();
  });
});
