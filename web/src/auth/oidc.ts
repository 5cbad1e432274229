import type { AppConfig } from './config';

type OidcSettings = NonNullable<AppConfig['oidc']>;

/** Sends the browser to the identity provider (authorisation code with PKCE). */
export async function startOidcSignIn(_settings: OidcSettings, _returnTo: string): Promise<void> {
  throw new Error('OpenID Connect sign-in is not built yet');
}

/** Completes the sign-in on /app/callback: checks state, exchanges the code, returns the token and where to go. */
export async function completeOidcSignIn(_settings: OidcSettings, _url: URL): Promise<{ token: string; returnTo: string }> {
  throw new Error('OpenID Connect sign-in is not built yet');
}
