import type { PendingClaim } from './grants/pending-claim';
import type { AgencyName } from './synthetic/types';

/**
 * What an agency must do or leave out when answering under a grant. Carried in the grant so the
 * agency applies the hub's decision without knowing the hub's case data.
 */
export type Obligation =
  /** ISA: standard-risk domestic-abuse incidents are shared only with consent for early help. */
  | 'OMIT_STANDARD_RISK_DOMESTIC_ABUSE';

/**
 * A triage officer's decision about which of this agency's records is a subject (confirmMatch /
 * rejectMatch in the hub), carried in the grant so the agency needs no trust in the client.
 */
export interface MatchDecision {
  /** The agency record confirmed as the subject: used instead of matching. */
  confirmed?: string;
  /** Agency records rejected for the subject: never matched or listed for it again. */
  rejected?: string[];
}

/** The claims of a grant the gateway mints for one agency fetch (verified by the agency). */
export interface GrantClaims {
  /** Grant id (JWT `jti`); every disclosure-log entry carries it. */
  grantId: string;
  agency: AgencyName;
  caseId: string;
  subjectIds: string[];
  purpose: string;
  policyVersion: string;
  /** The hub user the data is for (an id, never a name). */
  userId: string;
  obligations: Obligation[];
  /** Per subject id: the confirmed and rejected records of this agency (absent: none). */
  matchDecisions?: Record<string, MatchDecision>;
  /**
   * Per subject id, the digest (`subjectDigest`) of exactly the representation the gateway sends
   * for it. Agencies refuse a triage grant without one for every subject, and any representation
   * that does not hash to it. Absent only in grants built for tests that bypass the grant guard.
   */
  subjectDigests?: Record<string, string>;
  /** When the grant expires (`exp`), as the verifier read it; how long its id must be remembered as used. */
  expiresAt?: Date;
}

/** Per-request context every agency resolver receives. */
export interface AgencyRequestContext {
  requestId: string;
  /** Null only where no grant is required (tests of matching in isolation). */
  grant: GrantClaims | null;
  /**
   * The grant's single use, when the guard left it to the request's first disclosure-log write
   * (`PendingClaim`); absent when the guard claimed it already (or there is no grant).
   */
  claim?: PendingClaim;
}
