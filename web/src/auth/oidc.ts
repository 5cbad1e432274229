import * as oauth from 'oauth4webapi';
import type { AppConfig } from './config';

type OidcSettings = NonNullable<AppConfig['oidc']>;

/** What the round trip to the provider needs back: kept in this tab's sessionStorage, used once. */
interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

const PENDING = 'mash.oidc.pending';

/** The provider's answers come back here (registered with the provider as the client's redirect URI). */
function redirectUri(): string {
  return `${window.location.origin}/app/callback`;
}

/**
 * Plain http only to a provider on this machine (the gateway refuses any other http issuer at start);
 * everywhere else the library insists on https.
 */
function transport(issuer: URL): { [oauth.allowInsecureRequests]?: boolean } {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname) ? { [oauth.allowInsecureRequests]: true } : {};
}

/** The provider's metadata from its discovery document (its issuer must be the one configured). */
async function discover(settings: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer);
  try {
    return await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...transport(issuer) }));
  } catch (error) {
    throw new Error(`The identity provider at ${issuer.origin} could not be reached or did not describe itself (${describe(error)}).`);
  }
}

/**
 * Where to go after signing in: a path inside the app only, never another site. Resolved the way the
 * browser will resolve it, so `/app/../x`, `/app/%2e%2e/x` or `\\evil` cannot step outside.
 */
export function appPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value)) return '/app/';
  const url = new URL(value, window.location.origin);
  if (url.origin !== window.location.origin || !/^\/app(\/|$)/.test(url.pathname)) return '/app/';
  return url.pathname + url.search;
}

/** Sends the browser to the identity provider (authorisation code with PKCE). */
export async function startOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  const as = await discover(settings);
  if (!as.authorization_endpoint) throw new Error('The identity provider does not publish an authorization endpoint.');
  const pending: PendingSignIn = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    returnTo: appPath(returnTo),
  };
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  if (settings.resource) url.searchParams.set('resource', settings.resource);
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  window.location.assign(url.href);
}

/** The sign-in this tab started, removed as it is read: a callback address works once. */
function takePending(): PendingSignIn {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const pending = raw ? (JSON.parse(raw) as Partial<PendingSignIn>) : null;
  if (!pending?.state || !pending.nonce || !pending.codeVerifier) {
    throw new Error('This sign-in was not started from this browser tab, or has already been completed. Sign in again.');
  }
  return pending as PendingSignIn;
}

/** A sentence for the callback page from whatever the provider or the library refused. */
function describe(error: unknown): string {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    return error.error_description ? `${error.error}: ${error.error_description}` : error.error;
  }
  return error instanceof Error ? error.message : String(error);
}

const PROVIDER_ERRORS: Record<string, string> = {
  access_denied: 'The identity provider did not let you sign in to this service (access denied). If you need access, ask your administrator.',
  login_required: 'The identity provider needs you to sign in again.',
  consent_required: 'The identity provider needs your consent before this service can sign you in.',
  interaction_required: 'The identity provider needs you to complete its sign-in steps.',
  temporarily_unavailable: 'The identity provider is temporarily unavailable. Try again in a few minutes.',
  server_error: 'The identity provider had a problem signing you in. Try again in a few minutes.',
};

async function exchange(settings: OidcSettings, url: URL): Promise<{ token: string; returnTo: string }> {
  const pending = takePending();
  const as = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(as, client, url, pending.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new Error(PROVIDER_ERRORS[error.error] ?? `The identity provider refused the sign-in (${describe(error)}).`);
    }
    throw new Error(`The answer from the identity provider could not be trusted (${describe(error)}). Sign in again.`);
  }
  const issuer = new URL(settings.issuer);
  try {
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), parameters, redirectUri(), pending.codeVerifier, {
      ...(settings.resource ? { additionalParameters: { resource: settings.resource } } : {}),
      ...transport(issuer),
    });
    // The ID token's issuer, audience (this client), nonce and times are checked here.
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
    const token = settings.token === 'id_token' ? result.id_token : result.access_token;
    if (!token) throw new Error(`no ${settings.token} in the answer`);
    return { token, returnTo: appPath(pending.returnTo) };
  } catch (error) {
    throw new Error(`The identity provider's token could not be obtained or checked (${describe(error)}). Sign in again.`);
  }
}

/** The one exchange for this callback address (React may run the page's effect twice in development). */
let completing: { href: string; result: Promise<{ token: string; returnTo: string }> } | null = null;

/** Completes the sign-in on /app/callback: checks state, exchanges the code, returns the token and where to go. */
export function completeOidcSignIn(settings: OidcSettings, url: URL): Promise<{ token: string; returnTo: string }> {
  if (completing?.href !== url.href) completing = { href: url.href, result: exchange(settings, url) };
  return completing.result;
}

/**
 * Where to send the browser to end the provider's session too (RP-initiated logout), or null when
 * the provider publishes no end-session endpoint or cannot be reached: then only the hub's session
 * ends. The provider sends the user back to the sign-in page (register that address with it).
 */
export async function oidcSignOutUrl(settings: OidcSettings): Promise<string | null> {
  let as: oauth.AuthorizationServer;
  try {
    as = await discover(settings);
  } catch {
    return null;
  }
  if (!as.end_session_endpoint) return null;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}/app/sign-in?signed-out=1`);
  return url.href;
}
