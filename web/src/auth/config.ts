/** How this deployment signs users in, as the gateway serves it at /app/config.json. */
export interface AppConfig {
  /** demo: a role picker (development only); oidc: the configured identity provider; none: sign-in not configured. */
  mode: 'demo' | 'oidc' | 'none';
  /** Demo mode: the roles offered on the sign-in page. */
  roles: string[];
  oidc: {
    issuer: string;
    clientId: string;
    scope: string;
    /** Sent as `resource` (RFC 8707) when the provider needs it to issue a token for the gateway. */
    resource: string | null;
    /** Which token the gateway verifies: the access token (default) or the ID token. */
    token: 'access_token' | 'id_token';
  } | null;
}

let loaded: Promise<AppConfig> | null = null;

export function appConfig(): Promise<AppConfig> {
  loaded ??= fetch('/app/config.json', { headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`The hub's sign-in settings could not be read (${response.status}).`);
    return (await response.json()) as AppConfig;
  });
  return loaded;
}
