import type { MatchThresholds } from './types';

/**
 * One comparison level (DOMAIN.md 0.7.3): `m` = P(this level | same person), `u` = P(this level |
 * different people, chosen at random). Its Bayes factor is m/u and its weight log2(m/u).
 */
export interface ComparisonLevel {
  m: number;
  u: number;
}

export interface IdentifierLevels {
  agree: ComparisonLevel;
  /** Both present, valid and different. */
  disagree: ComparisonLevel;
}

/**
 * Fellegi-Sunter parameters, hand-tuned rather than trained (there is no labelled data), with the
 * reasoning beside each value so they can be challenged. m values across a comparison's levels
 * sum to about 1, as do u values.
 */
export interface MatchModel {
  /** Prior odds that two records picked at random are one person: one in the population served. */
  priorOdds: number;
  /** Jaro-Winkler similarity at or above which unequal names count as a fuzzy agreement. */
  fuzzyThreshold: number;
  /**
   * Confidence floor when an identifier agrees and none disagrees: DOMAIN.md 0.7.2 puts
   * deterministic identifier rules before the probabilistic score.
   */
  identifierConfidence: number;
  nhsNumber: IdentifierLevels;
  upn: IdentifierLevels;
  pncId: IdentifierLevels;
  familyName: { exact: ComparisonLevel; partial: ComparisonLevel; fuzzy: ComparisonLevel; disagree: ComparisonLevel };
  givenName: { exact: ComparisonLevel; nickname: ComparisonLevel; fuzzy: ComparisonLevel; disagree: ComparisonLevel };
  dateOfBirth: { exact: ComparisonLevel; swapped: ComparisonLevel; year: ComparisonLevel; disagree: ComparisonLevel };
  postcode: { full: ComparisonLevel; outward: ComparisonLevel; disagree: ComparisonLevel };
  gender: { agree: ComparisonLevel; disagree: ComparisonLevel };
  /**
   * Used in place of `postcode.full` and `dateOfBirth.exact` when the full postcode and the family
   * name (at any level) both agree. Fellegi-Sunter assumes fields are independent, but members of
   * one household share surname and postcode, and twins share a birth date too: among such pairs
   * those agreements are far less surprising than among random pairs, and without this a twin
   * would match their sibling.
   */
  household: { postcodeFull: ComparisonLevel; dateOfBirthExact: ComparisonLevel };
}

const identifier = (): IdentifierLevels => ({
  // A random pair shares a number only through a data error; a true pair usually agrees.
  agree: { m: 0.99, u: 1e-7 },
  // Checksums catch typos, so two valid, different numbers mean two people unless one person was
  // issued a duplicate: strong enough that, unless another identifier agrees, no agreement of
  // names, birth date and address reaches a match.
  disagree: { m: 0.0001, u: 1 },
});

export const DEFAULT_MATCH_MODEL: MatchModel = {
  // Warwickshire has about 600,000 residents.
  priorOdds: 1 / 600_000,
  fuzzyThreshold: 0.92,
  identifierConfidence: 0.999,
  nhsNumber: identifier(),
  upn: identifier(),
  pncId: identifier(),
  familyName: {
    // The commonest English surnames each cover about 1% of people; most far fewer.
    exact: { m: 0.92, u: 0.001 },
    partial: { m: 0.03, u: 0.0005 },
    fuzzy: { m: 0.03, u: 0.005 },
    disagree: { m: 0.02, u: 0.9935 },
  },
  givenName: {
    exact: { m: 0.88, u: 0.01 },
    nickname: { m: 0.06, u: 0.002 },
    fuzzy: { m: 0.04, u: 0.01 },
    // Nicknames, spellings and middle names are levels of their own, so what is left is rare;
    // and within a household it is the only thing that tells twins apart.
    disagree: { m: 0.004, u: 0.978 },
  },
  dateOfBirth: {
    // Ages spread over about 80 years: 1 / (365 * 80).
    exact: { m: 0.95, u: 3.4e-5 },
    swapped: { m: 0.02, u: 3.4e-5 },
    year: { m: 0.02, u: 0.0125 },
    disagree: { m: 0.01, u: 0.98743 },
  },
  postcode: {
    // About 40 residents share a full postcode; Warwickshire has about 20 outward codes.
    full: { m: 0.8, u: 1e-4 },
    outward: { m: 0.1, u: 0.05 },
    disagree: { m: 0.1, u: 0.9499 },
  },
  gender: { agree: { m: 0.98, u: 0.5 }, disagree: { m: 0.02, u: 0.5 } },
  household: {
    // A different person with your surname at your postcode is usually a relative.
    postcodeFull: { m: 0.8, u: 0.008 },
    // Twins among relatives at one address. Chosen so that postcodeFull plus this is never less
    // than postcode.outward plus dateOfBirth.exact: staying put must not score below moving.
    dateOfBirthExact: { m: 0.95, u: 0.0015 },
  },
};

/** ARCHITECTURE.md: thresholds are configuration; these are the defaults. */
export const DEFAULT_THRESHOLDS: MatchThresholds = { match: 0.95, possible: 0.6 };

export function levelWeight(level: ComparisonLevel): number {
  return Math.log2(level.m / level.u);
}
