import { AGENCIES, type AgencyName } from '../synthetic/types';
import type { GrantClaims, MatchDecision, Obligation } from '../grant-claims';
import type { JWTPayload } from './jose';

/**
 * The wire format of a grant, in one place for the issuer and the verifier. Registered claims carry
 * what JWT already names (`aud` = agency, `sub` = user id, `jti` = grant id); the rest are short
 * private claims because the token travels with every agency fetch.
 */
export interface GrantPayload extends JWTPayload {
  case: string;
  subjects: string[];
  purpose: string;
  /** Policy version that allowed the fetch. */
  pv: string;
  /** Obligations the agency must apply. */
  obl: Obligation[];
  /** Match decisions per subject id: `c` the confirmed record id, `r` rejected record ids. */
  md?: Record<string, { c?: string; r?: string[] }>;
  /** Subject digests: per subject id, the SHA-256 (hex) of the representation sent (`subjectDigest`). */
  sd?: Record<string, string>;
}

/** Longest life of a grant: one fetch needs seconds, and a leaked grant should be worth little. */
export const MAX_GRANT_TTL_SECONDS = 60;
/** Explicit JWT type (RFC 8725 section 3.11), so no other JWT the parties handle passes as a grant. */
export const GRANT_TOKEN_TYPE = 'mash-grant+jwt';
/** `iss` of grants unless configured otherwise. */
export const DEFAULT_GRANT_ISSUER = 'mash-gateway';
/** The purpose under which an agency answers its disclosure-log query, and nothing else. */
export const DISCLOSURE_LOG_REVIEW = 'DISCLOSURE_LOG_REVIEW';

// A Record over the union makes the compiler flag this list when a new obligation is added.
const KNOWN_OBLIGATIONS: Record<Obligation, true> = { OMIT_STANDARD_RISK_DOMESTIC_ABUSE: true };

export function payloadFromClaims(claims: Omit<GrantClaims, 'grantId'>): GrantPayload {
  return {
    case: claims.caseId,
    subjects: [...claims.subjectIds],
    purpose: claims.purpose,
    pv: claims.policyVersion,
    obl: [...claims.obligations],
    ...(claims.matchDecisions && Object.keys(claims.matchDecisions).length > 0
      ? { md: Object.fromEntries(Object.entries(claims.matchDecisions).map(([subject, d]) => [subject, { ...(d.confirmed ? { c: d.confirmed } : {}), ...(d.rejected?.length ? { r: [...d.rejected] } : {}) }])) }
      : {}),
    ...(claims.subjectDigests ? { sd: { ...claims.subjectDigests } } : {}),
  };
}

/**
 * Claims of a verified payload, or undefined when any is missing or malformed. An obligation this
 * code does not know makes the whole grant invalid: an agency must not answer while ignoring a
 * condition the hub attached.
 */
export function claimsFromPayload(payload: JWTPayload): GrantClaims | undefined {
  const { jti, sub, aud, case: caseId, subjects, purpose, pv, obl, md, sd, exp } = payload as Partial<GrantPayload>;
  if (!isText(jti) || !isText(sub) || !isText(caseId) || !isText(purpose) || !isText(pv)) return undefined;
  if (typeof aud !== 'string' || !(AGENCIES as readonly string[]).includes(aud)) return undefined;
  if (!Array.isArray(subjects) || !subjects.every(isText)) return undefined;
  if (!Array.isArray(obl) || !obl.every((item) => typeof item === 'string' && Object.hasOwn(KNOWN_OBLIGATIONS, item))) return undefined;
  const matchDecisions = decisionsFromClaim(md, subjects);
  if (matchDecisions === null) return undefined;
  const subjectDigests = digestsFromClaim(sd, subjects);
  if (subjectDigests === null) return undefined;
  return {
    grantId: jti,
    agency: aud as AgencyName,
    caseId,
    subjectIds: [...subjects],
    purpose,
    policyVersion: pv,
    userId: sub,
    obligations: [...obl],
    ...(matchDecisions ? { matchDecisions } : {}),
    subjectDigests,
    ...(typeof exp === 'number' ? { expiresAt: new Date(exp * 1000) } : {}),
  };
}

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * The `sd` claim read strictly: exactly one SHA-256 hex digest per covered subject, nothing else;
 * null when missing or malformed. A grant covering no subject (a disclosure-log review) needs none.
 */
function digestsFromClaim(sd: unknown, subjects: string[]): Record<string, string> | null {
  if (sd === undefined) return subjects.length === 0 ? {} : null;
  if (typeof sd !== 'object' || sd === null || Array.isArray(sd)) return null;
  const entries = Object.entries(sd as Record<string, unknown>);
  if (entries.length !== new Set(subjects).size) return null;
  if (!entries.every(([subject, digest]) => subjects.includes(subject) && typeof digest === 'string' && DIGEST.test(digest))) return null;
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The `md` claim read strictly: only for covered subjects, record ids as non-empty strings; null when malformed. */
function decisionsFromClaim(md: unknown, subjects: string[]): Record<string, MatchDecision> | undefined | null {
  if (md === undefined) return undefined;
  if (typeof md !== 'object' || md === null || Array.isArray(md)) return null;
  const decisions: Record<string, MatchDecision> = {};
  for (const [subject, value] of Object.entries(md as Record<string, unknown>)) {
    if (!subjects.includes(subject) || typeof value !== 'object' || value === null) return null;
    const { c, r } = value as { c?: unknown; r?: unknown };
    if (c !== undefined && !isText(c)) return null;
    if (r !== undefined && (!Array.isArray(r) || !r.every(isText))) return null;
    decisions[subject] = { ...(c ? { confirmed: c as string } : {}), ...(r ? { rejected: [...(r as string[])] } : {}) };
  }
  return decisions;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
