import { randomUUID } from 'node:crypto';
import type { GrantClaims } from '../grant-claims';
import { DEFAULT_GRANT_ISSUER, GRANT_TOKEN_TYPE, MAX_GRANT_TTL_SECONDS, payloadFromClaims } from './claims';
import { signCompact } from './compact-jws';
import type { JWK } from './jose';
import type { SigningKey } from './keys';
import { signCheckpoint, type SignedCheckpoint } from '../audit/checkpoint';

export interface GrantIssuerOptions {
  key: SigningKey;
  /** `iss` of every grant. Default `mash-gateway`. */
  issuer?: string;
  /** Default lifetime of a grant in seconds. Default and maximum 60. */
  ttlSeconds?: number;
  /** Clock in milliseconds since the epoch. Default `Date.now` (tests pass a fixed clock). */
  now?: () => number;
  /** Told of every grant minted, by agency and purpose (the gateway's metrics). */
  onMinted?: (grant: { agency: string; purpose: string }) => void;
}

export interface MintedGrant {
  token: string;
  grantId: string;
  expiresAt: Date;
}

/** What `jwks()` returns: the body the gateway publishes for agencies to verify grants against. */
export interface GrantKeySet {
  keys: JWK[];
}

/** Mints grants with the gateway's private key and publishes the matching public keys. */
export class GrantIssuer {
  readonly issuer: string;
  private key: SigningKey;
  private retired: { jwk: JWK; until: number }[] = [];
  private readonly ttlSeconds: number;
  private readonly now: () => number;
  private readonly onMinted?: GrantIssuerOptions['onMinted'];

  constructor(options: GrantIssuerOptions) {
    this.key = options.key;
    this.issuer = options.issuer ?? DEFAULT_GRANT_ISSUER;
    this.ttlSeconds = clampTtl(options.ttlSeconds);
    this.now = options.now ?? Date.now;
    this.onMinted = options.onMinted;
  }

  /** Key id grants are signed with now. */
  get kid(): string {
    return this.key.kid;
  }

  /**
   * `options.grantId` names the grant in advance (a fresh UUID otherwise), so the caller can record
   * its decision under that id while the grant is being signed.
   */
  async mint(claims: Omit<GrantClaims, 'grantId'>, options: { ttlSeconds?: number; grantId?: string } = {}): Promise<MintedGrant> {
    const key = this.key;
    const grantId = options.grantId ?? randomUUID();
    const issuedAt = Math.floor(this.now() / 1000);
    const expiresAt = issuedAt + clampTtl(options.ttlSeconds ?? this.ttlSeconds);
    const payload = { ...payloadFromClaims(claims), iss: this.issuer, aud: claims.agency, sub: claims.userId, jti: grantId, iat: issuedAt, exp: expiresAt };
    const token = signCompact({ alg: key.alg, kid: key.kid, typ: GRANT_TOKEN_TYPE }, payload, key.privateKey);
    this.onMinted?.({ agency: claims.agency, purpose: claims.purpose });
    return { token, grantId, expiresAt: new Date(expiresAt * 1000) };
  }

  /**
   * Signs with `next` from now on. The old public key stays published for twice the longest grant
   * life, so grants minted just before the switch still verify at agencies that refetch the set.
   */
  rotate(next: SigningKey): void {
    if (next.kid === this.key.kid) return;
    this.retired.push({ jwk: this.key.publicJwk, until: this.now() + 2 * MAX_GRANT_TTL_SECONDS * 1000 });
    this.key = next;
  }

  /**
   * Signs a checkpoint of the hub's access-log head with the current grant key (the key agencies
   * already hold, so a checkpoint needs no new trust), typed so it can never pass as a grant.
   */
  signCheckpoint(head: { seq: string; hash: string }): Promise<SignedCheckpoint> {
    return signCheckpoint(this.key, head, { issuer: this.issuer, now: new Date(this.now()) });
  }

  /** Current public key first, then retired keys still within their window. */
  jwks(): GrantKeySet {
    const now = this.now();
    this.retired = this.retired.filter((entry) => entry.until > now && entry.jwk.kid !== this.key.kid);
    return { keys: [this.key.publicJwk, ...this.retired.map((entry) => entry.jwk)].map((jwk) => ({ ...jwk })) };
  }
}

/** Any requested lifetime is brought into 1..60 s; a longer one is a caller bug, not a reason to fail a fetch. */
function clampTtl(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return MAX_GRANT_TTL_SECONDS;
  return Math.min(Math.max(Math.floor(seconds), 1), MAX_GRANT_TTL_SECONDS);
}
