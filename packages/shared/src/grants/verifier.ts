import type { Dispatcher } from 'undici';
import { ConfigError } from '../config';
import type { GrantClaims } from '../grant-claims';
import type { AgencyName } from '../synthetic/types';
import { claimsFromPayload, GRANT_TOKEN_TYPE, MAX_GRANT_TTL_SECONDS } from './claims';
import { isCompact, keyObjectOf, signatureVerifies } from './compact-jws';
import { GrantError, reasonOf, type GrantFailureReason } from './errors';
import { jose, type CryptoKey, type JSONWebKeySet, type JWTHeaderParameters, type JWTPayload } from './jose';
import { GRANT_ALGORITHMS, type GrantAlgorithm } from './keys';

export interface GrantVerifierOptions {
  /** This agency: a grant is accepted only when its audience is exactly this name. */
  agency: AgencyName;
  /** Expected `iss` (the gateway's, `mash-gateway` by default there). */
  issuer: string;
  /** The gateway's published key set. Exactly one of `jwksUrl` and `jwks` is required. */
  jwksUrl?: string;
  /** A fixed key set (tests, or keys distributed out of band). */
  jwks?: JSONWebKeySet;
  /** Allowed clock skew between gateway and agency. Default 5 s. */
  clockToleranceSeconds?: number;
  /** Default `['ES256', 'EdDSA']`; only asymmetric algorithms can be allowed. */
  algorithms?: GrantAlgorithm[];
  /**
   * Least time between two fetches of `jwksUrl`. An unknown `kid` triggers a refetch (that is how a
   * rotated key is picked up), and this stops forged kids from turning into a flood of fetches.
   * Default 5 s: short, because a grant with the new key fails until the refetch happens.
   */
  jwksCooldownMs?: number;
  /** Clock in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** For `jwksUrl`: the undici dispatcher fetch uses (a private CA, a client certificate; see `tlsDispatcher`). */
  dispatcher?: Dispatcher;
}

export type KeySource = ReturnType<typeof jose.createLocalJWKSet> | ReturnType<typeof jose.createRemoteJWKSet>;

/** Verifies the gateway's grants for one agency; shared by all four subgraphs. */
export class GrantVerifier {
  readonly agency: AgencyName;
  /** The gateway's keys as configured (pinned or fetched): also what its signed audit checkpoints are checked against. */
  readonly keys: KeySource;
  private readonly issuer: string;
  private readonly algorithms: readonly GrantAlgorithm[];
  private readonly clockTolerance: number;
  private readonly now: () => number;

  constructor(options: GrantVerifierOptions) {
    if (Boolean(options.jwksUrl) === Boolean(options.jwks)) {
      throw new ConfigError('GrantVerifier needs exactly one of jwksUrl (the gateway JWKS address) and jwks');
    }
    const algorithms = options.algorithms ?? [...GRANT_ALGORITHMS];
    const refused = algorithms.filter((alg) => !GRANT_ALGORITHMS.includes(alg));
    if (algorithms.length === 0 || refused.length > 0) {
      throw new ConfigError(`grant algorithms must be among ${GRANT_ALGORITHMS.join(', ')}; refused: ${refused.join(', ') || 'none given'}`);
    }
    this.agency = options.agency;
    this.now = options.now ?? Date.now;
    this.keys = options.jwks
      ? jose.createLocalJWKSet(options.jwks)
      : jose.createRemoteJWKSet(new URL(options.jwksUrl!), {
          cooldownDuration: options.jwksCooldownMs ?? 5_000,
          timeoutDuration: 3_000,
          ...(options.dispatcher ? { [jose.customFetch]: dispatchedFetch(options.dispatcher) } : {}),
        });
    this.issuer = options.issuer;
    this.algorithms = algorithms;
    this.clockTolerance = options.clockToleranceSeconds ?? 5;
  }

  /** The grant's claims, or a `GrantError` whose `reason` is for the log, never for the caller. */
  async verify(token: string): Promise<GrantClaims> {
    const payload = await this.verifiedPayload(token);
    const grantId = typeof payload.jti === 'string' ? payload.jti : undefined;
    const refuse = (reason: GrantFailureReason): never => {
      throw new GrantError(reason, grantId);
    };
    const { iss, aud, sub, jti, iat, exp, nbf } = payload;
    const now = Math.floor(this.now() / 1000);
    const tolerance = this.clockTolerance;
    if (iss !== this.issuer) refuse('issuer');
    // A grant is for one agency only: an audience array, even one naming this agency, is refused.
    if (aud !== this.agency) refuse('audience');
    if (typeof sub !== 'string' || typeof jti !== 'string' || !isNumericDate(iat) || !isNumericDate(exp) || (nbf !== undefined && !isNumericDate(nbf))) refuse('claims');
    if (iat! > now + tolerance || (nbf !== undefined && nbf > now + tolerance)) refuse('not-yet-valid');
    // Expired at `exp`, and never older than the longest grant life whatever its `exp` says.
    if (exp! <= now - tolerance || now - iat! > MAX_GRANT_TTL_SECONDS + tolerance) refuse('expired');
    if (exp! - iat! > MAX_GRANT_TTL_SECONDS + tolerance) refuse('lifetime');
    const claims = claimsFromPayload(payload);
    if (!claims) return refuse('claims');
    return claims;
  }

  /**
   * The payload of a token whose header is a grant's and whose signature the gateway's key made:
   * the algorithm on the allow-list, the grant type, no critical extensions, the key chosen from
   * the gateway's set by jose (`kid`, key type and curve for the algorithm) and the signature
   * checked synchronously (`compact-jws.ts`).
   */
  private async verifiedPayload(token: string): Promise<JWTPayload> {
    const refuse = (reason: GrantFailureReason, cause?: unknown): never => {
      throw new GrantError(reason, unverifiedGrantId(token), cause === undefined ? undefined : { cause });
    };
    const parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length !== 3) return refuse('malformed');
    let header: JWTHeaderParameters;
    try {
      header = jose.decodeProtectedHeader(token) as JWTHeaderParameters;
    } catch (error) {
      return refuse('malformed', error);
    }
    // Before anything else: `none` (whose signature part is empty), `HS256` keyed with the public key, ...
    const alg = header.alg as GrantAlgorithm;
    if (!this.algorithms.includes(alg)) return refuse('algorithm');
    if (!isCompact(token)) return refuse('malformed');
    if (header.crit !== undefined || header.b64 !== undefined) return refuse('malformed');
    let key: CryptoKey;
    try {
      key = (await this.keys(header, { payload: parts[1], signature: parts[2] })) as CryptoKey;
    } catch (error) {
      return refuse(reasonOf(error), error);
    }
    if (!signatureVerifies(token, alg, keyObjectOf(key))) return refuse('signature');
    if (mediaType(header.typ) !== mediaType(GRANT_TOKEN_TYPE)) return refuse('type');
    try {
      return jose.decodeJwt(token);
    } catch (error) {
      return refuse('malformed', error);
    }
  }
}

/** `typ` compared as RFC 7515 section 4.1.9 says: case-insensitive, `application/` optional. */
function mediaType(typ: unknown): string | undefined {
  return typeof typ === 'string' ? typ.toLowerCase().replace(/^application\//, '') : undefined;
}

/** A JWT NumericDate: a finite number of seconds. */
function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For the log only: the `jti` of a token that failed, when it at least looks like one of ours. */
function unverifiedGrantId(token: string): string | undefined {
  try {
    const { jti } = jose.decodeJwt(token);
    return typeof jti === 'string' && UUID.test(jti) ? jti : undefined;
  } catch {
    return undefined;
  }
}

/** Node's fetch through `dispatcher` (undici's own option, which the DOM's RequestInit type does not name). */
export function dispatchedFetch(dispatcher: Dispatcher): typeof fetch {
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
}
