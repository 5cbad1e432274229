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
  | 'FAMILY_NAME_TYPO'
  | 'FAMILY_NAME_PHONETIC'
  | 'FAMILY_NAME_FUZZY'
  | 'OTHER_NAME_ON_RECORD'
  | 'GIVEN_NAME'
  | 'GIVEN_NAME_OTHER'
  | 'GIVEN_NAME_NICKNAME'
  | 'GIVEN_NAME_TYPO'
  | 'GIVEN_NAME_PHONETIC'
  | 'GIVEN_NAME_FUZZY'
  | 'DATE_OF_BIRTH'
  | 'DATE_OF_BIRTH_SWAPPED'
  | 'DATE_OF_BIRTH_NEAR'
  | 'DATE_OF_BIRTH_YEAR_OUT'
  | 'BIRTH_YEAR'
  | 'POSTCODE'
  | 'POSTCODE_OUTWARD'
  | 'GENDER'
  | 'IDENTIFIER_CONFLICT'
  | 'CONFIRMED';

export const MATCH_REASONS: readonly MatchReason[] = [
  'CONFIRMED', 'NHS_NUMBER', 'UPN', 'PNC_ID', 'IDENTIFIER_CONFLICT', 'FAMILY_NAME', 'FAMILY_NAME_PARTIAL', 'FAMILY_NAME_TYPO',
  'FAMILY_NAME_PHONETIC', 'FAMILY_NAME_FUZZY', 'OTHER_NAME_ON_RECORD', 'GIVEN_NAME', 'GIVEN_NAME_OTHER', 'GIVEN_NAME_NICKNAME',
  'GIVEN_NAME_TYPO', 'GIVEN_NAME_PHONETIC', 'GIVEN_NAME_FUZZY', 'DATE_OF_BIRTH', 'DATE_OF_BIRTH_SWAPPED', 'DATE_OF_BIRTH_NEAR',
  'DATE_OF_BIRTH_YEAR_OUT', 'BIRTH_YEAR', 'POSTCODE', 'POSTCODE_OUTWARD', 'GENDER',
];

export type MatchStatus = 'MATCHED' | 'AMBIGUOUS' | 'NOT_KNOWN';

export interface PairScore {
  /** Posterior probability (0..1) that the two records are the same person. */
  confidence: number;
  /** Sum of log2 Bayes factors; kept for explanation and tests. */
  weight: number;
  matchedOn: MatchReason[];
  /** An identifier (NHS number, UPN, PNC ID) of the two records agrees. */
  identifierAgrees: boolean;
  /** ...and the demographics corroborate it (date of birth, or family name and birth year). */
  corroborated: boolean;
  /** ...or contradict it (another given name, birth date, sex or family name): an identifier conflict. */
  contradicted: boolean;
  /**
   * False when an identifier disagrees (both valid, different) and not every demographic agrees
   * exactly: such a pair may be listed for a person to decide, never MATCHED.
   */
  matchable: boolean;
  /** The same from the demographics alone, identifiers left out: how the pair stands if the number is wrong. */
  demographicConfidence: number;
  demographicWeight: number;
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
  /** Best first; MATCHED: the single match; AMBIGUOUS: the candidates a person must choose among (at most 5). */
  matches: ScoredCandidate<R>[];
  /**
   * IDENTIFIER_CONFLICT: an identifier the referral gave belongs to a record its demographics
   * contradict; the answer lists that record and the best demographic candidate, for a person to decide.
   */
  reason?: 'IDENTIFIER_CONFLICT';
}
