import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { AGENCIES, type AgencyName, type Logger } from '@mash/shared';
import type { UserAuthConfig } from '../auth/auth-config';
import { issueDemoToken } from '../auth/demo-issuer';
import { HUB_ROLES, type HubRole } from '../auth/user';
import { webBuilt, type WebConfig } from './web-config';

export interface AppRoutesOptions {
  web: WebConfig;
  auth: UserAuthConfig;
  demoMode: boolean;
  logger: Logger;
}

/** The agency a demo agency-admin administers, unless `agency` is given. */
const DEMO_ADMIN_AGENCY = 'police';

/**
 * The strictest policy the screens run under: their own files only (no inline script or style, no
 * eval), the API and the identity provider as the only places they talk to, never framed.
 */
export function contentSecurityPolicy(web: WebConfig): string {
  const issuer = web.oidc ? ` ${new URL(web.oidc.issuer).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${issuer}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Where to go after signing in: a path inside the app, never another site. Resolved the way a browser
 * resolves the Location header, so `/app/../graphql` or `/app/%2e%2e/x` cannot step outside /app/;
 * no fragment either (the token goes there).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || /[\\\s#]/.test(value)) return '/app/';
  const url = new URL(value, 'http://hub.invalid');
  if (url.origin !== 'http://hub.invalid' || !/^\/app(\/|$)/.test(url.pathname)) return '/app/';
  return url.pathname + url.search;
}

/**
 * The screens at /app/: the built web app (GOV.UK Frontend, React), `/app/config.json` (how users
 * sign in here) and, in demo mode only, `/app/dev-login?role=<role>` (a demo token for a role,
 * handed to the app in the address's fragment, which never reaches a server or a log).
 */
export function appRoutes({ web, auth, demoMode, logger }: AppRoutesOptions): Router {
  const router = express.Router();
  const csp = contentSecurityPolicy(web);
  router.use((_req, res, next) => {
    res.set({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      'x-frame-options': 'DENY',
    });
    next();
  });

  const demoKeyFile = demoMode ? auth.demoKeyFile : undefined;
  router.get('/config.json', (_req, res) => {
    res.set('cache-control', 'no-store').json({
      mode: demoKeyFile ? 'demo' : web.oidc ? 'oidc' : 'none',
      roles: demoKeyFile ? HUB_ROLES : [],
      oidc: web.oidc,
    });
  });

  router.get('/dev-login', async (req: Request, res: Response) => {
    // Not in demo mode: as if it did not exist.
    if (!demoKeyFile) {
      res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const role = req.query.role;
    if (typeof role !== 'string' || !HUB_ROLES.includes(role as HubRole)) {
      res.status(400).json({ errors: [{ message: `role must be one of ${HUB_ROLES.join(', ')}.`, extensions: { code: 'BAD_USER_INPUT', field: 'role' } }] });
      return;
    }
    const agency = typeof req.query.agency === 'string' ? req.query.agency : DEMO_ADMIN_AGENCY;
    if (role === 'agency-admin' && !AGENCIES.includes(agency as AgencyName)) {
      res.status(400).json({ errors: [{ message: `agency must be one of ${AGENCIES.join(', ')}.`, extensions: { code: 'BAD_USER_INPUT', field: 'agency' } }] });
      return;
    }
    const token = await issueDemoToken(demoKeyFile, { role: role as HubRole, ...(role === 'agency-admin' ? { agency } : {}) });
    logger.info('demo_sign_in', { role });
    res.set('cache-control', 'no-store').redirect(303, `${safeReturnPath(req.query.returnTo)}#access_token=${encodeURIComponent(token)}`);
  });

  const dir = web.dir;
  if (!webBuilt(dir)) {
    router.use((_req, res) => {
      res.status(503).type('text/plain').send('The screens are not built here: run `npm run build` (or set MASH_WEB_DIR to a built web/dist).\n');
    });
    return router;
  }
  // Hashed file names never change content: cache them for a year. Everything else is revalidated.
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Any other address under /app/ is a screen: the app routes it in the browser.
  router.get(/.*/, (_req, res) => {
    res.set('cache-control', 'no-cache').sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
