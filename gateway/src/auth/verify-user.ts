import { createPublicKey } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, importJWK, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyObject, type CryptoKey } from 'jose';
import { GraphQLError } from 'graphql';
import type { UserAuthConfig } from './auth-config';
import { loadOrCreateDemoKey } from './demo-issuer';
import { HUB_ROLES, type AuthenticatedUser, type HubRole } from './user';

export type UserVerifier = (authorization: string | undefined) => Promise<AuthenticatedUser>;

/** Builds the verifier once (keys resolved and cached); each request only verifies its token. */
export async function createUserVerifier(config: UserAuthConfig): Promise<UserVerifier> {
  const key = await resolveKey(config);
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('Send a bearer token in the Authorization header.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      throw unauthenticated('The token is not valid: expired, not signed by a trusted issuer, or not meant for this service.');
    }
    checkAge(payload, config);
    return toUser(payload, config);
  };
}

/** Refuses a token issued too long ago, or issued to live too long, or (in production) with no `iat`. */
function checkAge(payload: JWTPayload, config: UserAuthConfig): void {
  const { iat, exp } = payload;
  if (typeof iat !== 'number') {
    if (config.requireIssuedAt) throw unauthenticated('The token has no issue time (iat), so its age cannot be checked; sign in again.');
    return;
  }
  const now = Math.floor(Date.now() / 1000);
  const hours = Math.round(config.maxTokenAgeSeconds / 3600);
  const tolerance = config.clockToleranceSeconds;
  if (iat > now + tolerance) throw unauthenticated('The token claims to be issued in the future; check the identity provider\'s clock.');
  if (now - iat > config.maxTokenAgeSeconds + tolerance) throw unauthenticated(`The token was issued more than ${hours} hours ago; sign in again.`);
  if (typeof exp === 'number' && exp - iat > config.maxTokenAgeSeconds + tolerance) {
    throw unauthenticated(`The token is valid for longer than the ${hours} hours this service accepts; sign in again for a shorter-lived one.`);
  }
}

async function resolveKey(config: UserAuthConfig): Promise<JWTVerifyGetKey | KeyObject | CryptoKey> {
  if (config.jwksUrl) return createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000 });
  // Not a key bound to one algorithm: jwtVerify's allow-list decides which are accepted
  // (an EC key under the default RS256,ES256,EdDSA list failed to import as RS256 before).
  if (config.publicKeyPem) return importedPerAlgorithm(config.publicKeyPem);
  const { publicJwk } = await loadOrCreateDemoKey(config.demoKeyFile!);
  return createLocalJWKSet({ keys: [publicJwk] });
}

/**
 * The configured key, imported as a WebCrypto key once per algorithm a token names: handed the
 * KeyObject itself, jose converts it on every verification, which doubled its CPU. jwtVerify checks
 * the token's algorithm against the allow-list before it asks for the key; a key that cannot be
 * used with that algorithm fails the import, and so the verification.
 */
function importedPerAlgorithm(publicKeyPem: string): JWTVerifyGetKey {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' });
  const imported = new Map<string, Promise<CryptoKey>>();
  return (header) => {
    let cryptoKey = imported.get(header.alg);
    if (!cryptoKey) {
      cryptoKey = importJWK(jwk, header.alg) as Promise<CryptoKey>;
      imported.set(header.alg, cryptoKey);
    }
    return cryptoKey;
  };
}

function toUser(payload: JWTPayload, config: UserAuthConfig): AuthenticatedUser {
  const rawRoles = payload[config.claims.roles];
  const roles = (Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[ ,]+/) : [])
    .filter((role): role is HubRole => HUB_ROLES.includes(role as HubRole));
  const text = (claim: string) => (typeof payload[claim] === 'string' ? (payload[claim] as string) : null);
  return {
    id: payload.sub!,
    name: text(config.claims.name),
    roles,
    organisation: text(config.claims.organisation),
    agency: text(config.claims.agency),
  };
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
