/**
 * Why a request was refused, in one short word for the agency's log. The caller is never told:
 * every refusal looks the same from outside, so a probe learns nothing about which check failed.
 */
export type GrantFailureReason =
  /** No `Authorization: Bearer` grant on the request. */
  | 'missing'
  /** Not a well-formed JWS/JWT. */
  | 'malformed'
  /** Algorithm outside the allow-list (`none`, `HS*`, ...). */
  | 'algorithm'
  | 'signature'
  /** No published key with the token's `kid` (after a refetch, if remote). */
  | 'unknown-key'
  /** The gateway's key set could not be fetched or read. */
  | 'keys-unavailable'
  | 'issuer'
  /** Minted for another agency. */
  | 'audience'
  | 'type'
  | 'expired'
  /** `iat` or `nbf` in the future. */
  | 'not-yet-valid'
  /** `exp` more than the longest grant life after `iat`. */
  | 'lifetime'
  /** A grant claim missing or malformed, or an obligation this agency does not know. */
  | 'claims'
  /** The request body is not one readable GraphQL query. */
  | 'request'
  /** The query asks for a root field this grant's purpose does not open. */
  | 'scope'
  /** A representation names a subject the grant does not cover. */
  | 'uncovered'
  /** A representation is not the one the grant was minted for (its digest differs: other demographics). */
  | 'unbound'
  /** The grant id was already used at this agency (grants are single-use). */
  | 'replayed'
  /** The request did not arrive over TLS, which this agency requires. */
  | 'insecure'
  | 'invalid';

export class GrantError extends Error {
  override name = 'GrantError';

  constructor(
    readonly reason: GrantFailureReason,
    /** The grant id when known, so the refusal can be traced to the gateway's audit entry. */
    readonly grantId?: string,
    options?: { cause?: unknown },
  ) {
    super(`grant refused: ${reason}`, options);
  }
}

/**
 * What jose's key-set functions throw while the verifier picks the gateway's key (the header, the
 * signature and the claims are checked by `GrantVerifier` itself, which names its own reasons).
 */
const BY_CODE: Record<string, GrantFailureReason> = {
  ERR_JOSE_NOT_SUPPORTED: 'algorithm',
  ERR_JWKS_NO_MATCHING_KEY: 'unknown-key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'unknown-key',
  ERR_JWKS_TIMEOUT: 'keys-unavailable',
  ERR_JWKS_INVALID: 'keys-unavailable',
  ERR_JOSE_GENERIC: 'keys-unavailable',
};

/** Maps an error from finding the key to a reason; anything unexpected is just 'invalid'. */
export function reasonOf(error: unknown): GrantFailureReason {
  const { code, name, message } = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  // A failed fetch of the key set surfaces as fetch's TypeError (compared by name: jest's realm differs).
  if (name === 'TypeError' && /fetch/i.test(String(message))) return 'keys-unavailable';
  return 'invalid';
}
