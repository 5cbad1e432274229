/** Genders as the hub records them; agencies map their own code lists onto these. */
export type Gender = 'MALE' | 'FEMALE' | 'OTHER' | 'UNKNOWN';

/** What is known about one person, from a referral or from an agency's own record. */
export interface PersonFacts {
  givenName?: string | null;
  familyName?: string | null;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth?: string | null;
  gender?: Gender | null;
  postcode?: string | null;
  nhsNumber?: string | null;
  upn?: string | null;
  pncId?: string | null;
}

/** Why two records were judged to be the same person; surfaced to triage as `matchedOn`. */
export type MatchReason =
  | 'NHS_NUMBER'
  | 'UPN'
  | 'PNC_ID'
  | 'FAMILY_NAME'
  | 'FAMILY_NAME_PARTIAL'
  | 'FAMILY_NAME_FUZZY'
  | 'GIVEN_NAME'
  | 'GIVEN_NAME_NICKNAME'
  | 'GIVEN_NAME_FUZZY'
  | 'DATE_OF_BIRTH'
  | 'DATE_OF_BIRTH_SWAPPED'
  | 'BIRTH_YEAR'
  | 'POSTCODE'
  | 'POSTCODE_OUTWARD'
  | 'GENDER';

export const MATCH_REASONS: readonly MatchReason[] = [
  'NHS_NUMBER', 'UPN', 'PNC_ID', 'FAMILY_NAME', 'FAMILY_NAME_PARTIAL', 'FAMILY_NAME_FUZZY',
  'GIVEN_NAME', 'GIVEN_NAME_NICKNAME', 'GIVEN_NAME_FUZZY', 'DATE_OF_BIRTH', 'DATE_OF_BIRTH_SWAPPED',
  'BIRTH_YEAR', 'POSTCODE', 'POSTCODE_OUTWARD', 'GENDER',
];

export type MatchStatus = 'MATCHED' | 'AMBIGUOUS' | 'NOT_KNOWN';

export interface PairScore {
  /** Posterior probability (0..1) that the two records are the same person. */
  confidence: number;
  /** Sum of log2 Bayes factors; kept for explanation and tests. */
  weight: number;
  matchedOn: MatchReason[];
}

/** Configurable cut-offs (ARCHITECTURE.md: thresholds are configuration). */
export interface MatchThresholds {
  /** At or above: a match. Default 0.95. */
  match: number;
  /** At or above (and below `match`): a possible match, reported as AMBIGUOUS. Default 0.6. */
  possible: number;
}

export interface ScoredCandidate<R> {
  record: R;
  score: PairScore;
}

export interface Classification<R> {
  status: MatchStatus;
  /** Best first; MATCHED: the single match; AMBIGUOUS: every candidate at or above `possible`. */
  matches: ScoredCandidate<R>[];
}
