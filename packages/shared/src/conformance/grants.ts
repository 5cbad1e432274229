import { createHmac, createPublicKey, randomUUID } from 'node:crypto';
import type { GrantClaims, Obligation } from '../grant-claims';
import { DISCLOSURE_LOG_REVIEW, GRANT_TOKEN_TYPE, payloadFromClaims } from '../grants/claims';
import { GrantIssuer } from '../grants/issuer';
import { jose } from '../grants/jose';
import { generateSigningKey, type SigningKey } from '../grants/keys';
import { subjectDigests } from '../grants/subject-digest';
import { AGENCIES, type AgencyName } from '../synthetic/types';
import type { Representation } from './subjects';

/** The purpose the gateway mints triage grants under. */
export const TRIAGE_PURPOSE = 'MASH_TRIAGE';
/** The user every conformance grant is minted for, so its disclosure-log rows are easy to find. */
export const CONFORMANCE_USER = 'conformance-suite';

export interface Grant {
  token: string;
  claims: GrantClaims;
}

/** A grant an agency must refuse, and what is wrong with it. */
export interface BadGrant {
  name: string;
  /** Undefined: no `Authorization` header at all. */
  token: string | undefined;
}

/**
 * Mints grants as the gateway does, with the gateway's key (a running deployment) or the suite's
 * own throw-away key, plus the forged and broken ones a deployment must refuse.
 */
export class ConformanceGrants {
  private readonly issuer: GrantIssuer;

  constructor(
    private readonly agency: AgencyName,
    private readonly key: SigningKey,
    private readonly issuerName: string,
  ) {
    this.issuer = new GrantIssuer({ key, issuer: issuerName });
  }

  /** A triage grant for a fresh case, covering exactly these representations (their ids and digests), as the gateway mints one. */
  triage(representations: readonly Representation[], obligations: readonly Obligation[] = []): Promise<Grant> {
    return this.mint(this.issuer, this.triageClaims(representations, obligations));
  }

  /** A disclosure-log review grant, as the gateway mints one for an agency administrator. */
  review(): Promise<Grant> {
    return this.mint(this.issuer, { agency: this.agency, caseId: 'n/a', subjectIds: [], purpose: DISCLOSURE_LOG_REVIEW, policyVersion: 'n/a', userId: CONFORMANCE_USER, obligations: [], subjectDigests: {} });
  }

  /** Every kind of grant the agency must refuse; each would otherwise cover `covered`. */
  async refused(covered: Representation): Promise<BadGrant[]> {
    const subjectId = covered.id;
    const claims = this.triageClaims([covered], []);
    const other = AGENCIES.find((agency) => agency !== this.agency)!;
    const past = Date.now() - 10 * 60_000;
    const decoyId = `decoy-${randomUUID()}`;
    const decoy = await this.issuer.mint({ ...claims, subjectIds: [decoyId], subjectDigests: subjectDigests([{ ...covered, id: decoyId }]) });
    return [
      { name: 'no grant', token: undefined },
      { name: 'expired grant', token: (await new GrantIssuer({ key: this.key, issuer: this.issuerName, now: () => past }).mint(claims)).token },
      { name: 'audience not an agency', token: (await this.issuer.mint({ ...claims, agency: 'mash-hub' as AgencyName })).token },
      { name: `another agency's grant (${other})`, token: (await this.issuer.mint({ ...claims, agency: other })).token },
      { name: 'wrong issuer', token: (await new GrantIssuer({ key: this.key, issuer: `not-${this.issuerName}` }).mint(claims)).token },
      { name: 'signed by another key', token: (await new GrantIssuer({ key: await generateSigningKey(this.key.alg), issuer: this.issuerName }).mint(claims)).token },
      // The gateway's signature over a decoy subject, with the payload rewritten to cover this one.
      { name: 'tampered payload', token: withPayload(decoy.token, { ...jose.decodeJwt(decoy.token), subjects: [subjectId], sd: subjectDigests([covered]) }) },
      { name: 'alg none', token: `${segment({ alg: 'none', typ: GRANT_TOKEN_TYPE })}.${segment(this.payload(claims))}.` },
      { name: 'HS256 keyed with the public key', token: this.hmacWithPublicKey(claims) },
    ];
  }

  private triageClaims(representations: readonly Representation[], obligations: readonly Obligation[]): Omit<GrantClaims, 'grantId'> {
    return {
      agency: this.agency, caseId: `conformance-${randomUUID()}`, subjectIds: representations.map((representation) => representation.id), purpose: TRIAGE_PURPOSE,
      policyVersion: 'conformance', userId: CONFORMANCE_USER, obligations: [...obligations], subjectDigests: subjectDigests(representations),
    };
  }

  private async mint(issuer: GrantIssuer, claims: Omit<GrantClaims, 'grantId'>): Promise<Grant> {
    const { token, grantId } = await issuer.mint(claims);
    return { token, claims: { ...claims, grantId } };
  }

  /** A payload the agency would accept if it trusted the header's algorithm. */
  private payload(claims: Omit<GrantClaims, 'grantId'>): object {
    const now = Math.floor(Date.now() / 1000);
    return { ...payloadFromClaims(claims), iss: this.issuerName, aud: claims.agency, sub: claims.userId, jti: randomUUID(), iat: now, exp: now + 60 };
  }

  /** The classic key confusion: the public key (as published, PEM) used as an HMAC secret. */
  private hmacWithPublicKey(claims: Omit<GrantClaims, 'grantId'>): string {
    const secret = createPublicKey(this.key.privateKey).export({ type: 'spki', format: 'pem' });
    const input = `${segment({ alg: 'HS256', kid: this.key.kid, typ: GRANT_TOKEN_TYPE })}.${segment(this.payload(claims))}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  }
}

function segment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function withPayload(token: string, payload: object): string {
  const [header, , signature] = token.split('.');
  return `${header}.${segment(payload)}.${signature}`;
}
