import type { Dispatcher } from 'undici';
import { ConfigError } from '../config';
import type { GrantClaims } from '../grant-claims';
import type { AgencyName } from '../synthetic/types';
import { claimsFromPayload, GRANT_TOKEN_TYPE, MAX_GRANT_TTL_SECONDS } from './claims';
import { GrantError, reasonOf } from './errors';
import { jose, type JSONWebKeySet, type JWTPayload, type JWTVerifyOptions } from './jose';
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
  private readonly options: JWTVerifyOptions & { clockTolerance: number };
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
    this.options = {
      issuer: options.issuer,
      audience: options.agency,
      algorithms,
      typ: GRANT_TOKEN_TYPE,
      clockTolerance: options.clockToleranceSeconds ?? 5,
      requiredClaims: ['iss', 'aud', 'sub', 'jti', 'iat', 'exp'],
      // Also rejects an `iat` in the future (beyond the tolerance).
      maxTokenAge: MAX_GRANT_TTL_SECONDS,
    };
  }

  /** The grant's claims, or a `GrantError` whose `reason` is for the log, never for the caller. */
  async verify(token: string): Promise<GrantClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, this.keys, { ...this.options, currentDate: new Date(this.now()) }));
    } catch (error) {
      throw new GrantError(reasonOf(error), unverifiedGrantId(token), { cause: error });
    }
    const grantId = typeof payload.jti === 'string' ? payload.jti : undefined;
    // jose accepts an audience array containing this agency; a grant is for one agency only.
    if (payload.aud !== this.agency) throw new GrantError('audience', grantId);
    if (payload.exp! - payload.iat! > MAX_GRANT_TTL_SECONDS + this.options.clockTolerance) throw new GrantError('lifetime', grantId);
    const claims = claimsFromPayload(payload);
    if (!claims) throw new GrantError('claims', grantId);
    return claims;
  }
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
