import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, optionalString } from '@mash/shared';

/** The screens (web/) and how their users sign in; README "Configuration". */
export interface WebConfig {
  /** The built app (`npm run build`): web/dist unless MASH_WEB_DIR; null: no screens served. */
  dir: string | null;
  /**
   * OpenID Connect, authorisation code with PKCE, for production sign-in (`MASH_OIDC_ISSUER`,
   * `MASH_OIDC_CLIENT_ID`, `MASH_OIDC_SCOPE`, `MASH_OIDC_RESOURCE`, `MASH_OIDC_TOKEN`). Null: demo
   * mode offers its role picker; outside demo mode the screens then say sign-in is not configured.
   */
  oidc: OidcClientConfig | null;
}

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  scope: string;
  resource: string | null;
  token: 'access_token' | 'id_token';
}

export const DEFAULT_WEB_DIR = path.resolve(__dirname, '../../../web/dist');

export function webConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const dir = optionalString('MASH_WEB_DIR', env);
  const issuer = optionalString('MASH_OIDC_ISSUER', env);
  const clientId = optionalString('MASH_OIDC_CLIENT_ID', env);
  if (Boolean(issuer) !== Boolean(clientId)) throw new ConfigError('MASH_OIDC_ISSUER and MASH_OIDC_CLIENT_ID go together: set both for OpenID Connect sign-in, or neither');
  if (issuer && !/^https:\/\//.test(issuer) && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(issuer)) {
    throw new ConfigError(`MASH_OIDC_ISSUER must be an https:// address (http only on this machine), got "${issuer}"`);
  }
  const token = optionalString('MASH_OIDC_TOKEN', env) ?? 'access_token';
  if (token !== 'access_token' && token !== 'id_token') throw new ConfigError(`MASH_OIDC_TOKEN is access_token or id_token, got "${token}"`);
  return {
    dir: dir === 'none' ? null : path.resolve(dir ?? DEFAULT_WEB_DIR),
    oidc: issuer && clientId
      ? { issuer, clientId, scope: optionalString('MASH_OIDC_SCOPE', env) ?? 'openid profile', resource: optionalString('MASH_OIDC_RESOURCE', env) ?? null, token }
      : null,
  };
}

/** Whether the app has been built into `dir`. */
export function webBuilt(dir: string | null): dir is string {
  return Boolean(dir && fs.existsSync(path.join(dir, 'index.html')));
}
