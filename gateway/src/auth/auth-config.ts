import { ConfigError, integer, optionalString } from '@mash/shared';

/** How user JWTs are verified; see README "Configuration". */
export interface UserAuthConfig {
  issuer: string;
  audience: string;
  /** Exactly one of jwksUrl / publicKeyPem / demoKeyFile. */
  jwksUrl?: string;
  publicKeyPem?: string;
  /** Demo mode only: the development issuer's key file under `.data/`. */
  demoKeyFile?: string;
  /** Asymmetric algorithms only; `none` and HMAC are never accepted. */
  algorithms: string[];
  clockToleranceSeconds: number;
  /**
   * Longest a user token may live, by its `iat`: refused once older, or when issued to live
   * longer (AUTH_MAX_TOKEN_AGE_HOURS, default 12: one shift). A stolen long-lived token is a key
   * to every record; the identity provider can always issue a fresh one.
   */
  maxTokenAgeSeconds: number;
  /** Refuse a token without `iat` (production): its age cannot be checked. */
  requireIssuedAt: boolean;
  claims: { roles: string; organisation: string; name: string; agency: string };
}

export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export const DEMO_ISSUER = 'mash-demo-issuer';
export const DEFAULT_AUDIENCE = 'mash-gateway';

export function userAuthConfigFromEnv(demoKeyFile: string | null, env: NodeJS.ProcessEnv = process.env, options: { production?: boolean } = {}): UserAuthConfig {
  const maxAgeHours = integer('AUTH_MAX_TOKEN_AGE_HOURS', 12, env);
  if (maxAgeHours < 1) throw new ConfigError(`AUTH_MAX_TOKEN_AGE_HOURS must be at least 1, got ${maxAgeHours}`);
  const algorithms = (optionalString('AUTH_ALGORITHMS', env) ?? 'RS256,ES256,EdDSA').split(',').map((alg) => alg.trim());
  const refused = algorithms.filter((alg) => !ALLOWED_ALGORITHMS.includes(alg));
  if (refused.length > 0) throw new ConfigError(`AUTH_ALGORITHMS may list only asymmetric algorithms (${ALLOWED_ALGORITHMS.join(', ')}); refused: ${refused.join(', ')}`);
  const jwksUrl = optionalString('AUTH_JWKS_URL', env);
  const publicKeyPem = optionalString('AUTH_PUBLIC_KEY', env)?.replace(/\\n/g, '\n');
  if (!jwksUrl && !publicKeyPem && !demoKeyFile) {
    const demoHint = options.production ? '' : ', or MASH_DEMO_MODE=true for development tokens';
    throw new ConfigError(`Set AUTH_JWKS_URL or AUTH_PUBLIC_KEY (with AUTH_ISSUER and AUTH_AUDIENCE) to verify user tokens${demoHint}`);
  }
  const real = Boolean(jwksUrl || publicKeyPem);
  return {
    issuer: optionalString('AUTH_ISSUER', env) ?? (real ? requiredFor('AUTH_ISSUER') : DEMO_ISSUER),
    audience: optionalString('AUTH_AUDIENCE', env) ?? DEFAULT_AUDIENCE,
    jwksUrl,
    publicKeyPem,
    demoKeyFile: real ? undefined : (demoKeyFile ?? undefined),
    algorithms: real ? algorithms : ['ES256'],
    clockToleranceSeconds: 10,
    maxTokenAgeSeconds: maxAgeHours * 3600,
    requireIssuedAt: options.production ?? false,
    claims: {
      roles: optionalString('AUTH_ROLES_CLAIM', env) ?? 'roles',
      organisation: optionalString('AUTH_ORGANISATION_CLAIM', env) ?? 'org',
      name: optionalString('AUTH_NAME_CLAIM', env) ?? 'name',
      agency: optionalString('AUTH_AGENCY_CLAIM', env) ?? 'agency',
    },
  };
}

function requiredFor(name: string): never {
  throw new ConfigError(`${name} is required when AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set`);
}
