import type { DateOfBirthLevel, FamilyNameLevel, GivenNameLevel, PostcodeLevel } from './compare';
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
 * Fellegi-Sunter parameters, hand-set from what is known of the population and of how records
 * go wrong, with the reasoning beside each value so it can be challenged, then checked against
 * the labelled evaluation set (`npm run eval:matching`). m values across a comparison's levels
 * sum to about 1, as do u values.
 */
export interface MatchModel {
  /** Prior odds that two records picked at random are one person: one in the population served. */
  priorOdds: number;
  /** Jaro-Winkler similarity at or above which unequal names count as a fuzzy agreement. */
  fuzzyThreshold: number;
  /**
   * Confidence floor when an identifier agrees, none disagrees, and the demographics corroborate
   * it (DOMAIN.md 0.7.2, in the spirit of a PDS verified trace).
   */
  identifierConfidence: number;
  /**
   * Confidence of a record whose identifier agrees when the demographics neither corroborate nor
   * contradict it (the referral gave no date of birth): a possible match, never a match.
   */
  uncorroboratedIdentifierConfidence: number;
  nhsNumber: IdentifierLevels;
  upn: IdentifierLevels;
  pncId: IdentifierLevels;
  /** `exact.u` is for a name the frequency table does not hold; a held name uses its share. */
  familyName: Record<FamilyNameLevel, ComparisonLevel>;
  givenName: Record<GivenNameLevel, ComparisonLevel>;
  dateOfBirth: Record<DateOfBirthLevel, ComparisonLevel>;
  postcode: Record<PostcodeLevel, ComparisonLevel>;
  gender: { agree: ComparisonLevel; disagree: ComparisonLevel };
  /**
   * Fellegi-Sunter assumes fields are independent, but the members of one household share family
   * name and postcode, and twins share a birth date too. When the family name (at any level) and
   * the full postcode agree, `sameAddress` stands for both, and an exact birth date is judged
   * against the household's other members, not the population.
   */
  household: { sameAddress: ComparisonLevel; dateOfBirthExact: ComparisonLevel };
  /**
   * With the same family name and birth date (twins), a near given name is what twins are called
   * (Jayden/Jaylen, Amelia/Amelie, Ella/Ellie), so `u` is that among twins.
   */
  twins: Record<Exclude<GivenNameLevel, 'exact'>, ComparisonLevel>;
  /** Least `u` for an exact name, however rare the frequency table says it is. */
  termFrequencyFloor: number;
}

const identifier = (): IdentifierLevels => ({
  // A random pair shares a number only through a data error; a true pair usually agrees.
  agree: { m: 0.99, u: 1e-7 },
  // Checksums catch typos, so two valid, different numbers mostly mean two people; but referrers
  // copy a sibling's number, and a number alone must never outvote everything else: only names,
  // birth date, sex and address all agreeing still reach a match against it.
  disagree: { m: 0.005, u: 1 },
});

export const DEFAULT_MATCH_MODEL: MatchModel = {
  // Warwickshire has about 600,000 residents.
  priorOdds: 1 / 600_000,
  fuzzyThreshold: 0.92,
  identifierConfidence: 0.999,
  uncorroboratedIdentifierConfidence: 0.9,
  nhsNumber: identifier(),
  upn: identifier(),
  pncId: identifier(),
  familyName: {
    // u of a name outside the frequency table (which holds the 100 commonest, each above 0.1%).
    exact: { m: 0.8, u: 2e-4 },
    // One part of a double-barrelled or hyphenated name.
    partial: { m: 0.03, u: 5e-4 },
    typo: { m: 0.02, u: 3e-4 },
    phonetic: { m: 0.01, u: 2e-3 },
    fuzzy: { m: 0.02, u: 3e-3 },
    // Marriage, divorce, a step-parent's name, the other parent's name at another agency: children
    // and adults are recorded under different family names more often than any typo.
    disagree: { m: 0.12, u: 0.994 },
  },
  givenName: {
    // u of a name outside the frequency table; a held name uses its share.
    exact: { m: 0.84, u: 2e-3 },
    other_name: { m: 0.04, u: 1e-3 },
    variant: { m: 0.04, u: 2e-3 },
    variant_name: { m: 0.02, u: 2e-3 },
    typo: { m: 0.02, u: 2e-4 },
    phonetic: { m: 0.01, u: 1e-3 },
    fuzzy: { m: 0.01, u: 4e-3 },
    // Two real names close to each other are mostly two people.
    similar: { m: 0.004, u: 0.01 },
    disagree: { m: 0.026, u: 0.988 },
  },
  dateOfBirth: {
    // Ages spread over about 80 years: 1 / (365 * 80).
    exact: { m: 0.91, u: 3.4e-5 },
    swapped: { m: 0.02, u: 3.4e-5 },
    near: { m: 0.02, u: 6.8e-5 },
    year_out: { m: 0.015, u: 6.8e-5 },
    year: { m: 0.02, u: 0.0125 },
    disagree: { m: 0.015, u: 0.987 },
  },
  postcode: {
    // About 40 residents share a full postcode; Warwickshire has about 20 outward codes.
    full: { m: 0.65, u: 7e-5 },
    outward: { m: 0.1, u: 0.05 },
    // People move, and records lag behind them by years.
    disagree: { m: 0.25, u: 0.95 },
  },
  gender: { agree: { m: 0.98, u: 0.5 }, disagree: { m: 0.02, u: 0.5 } },
  household: {
    // A random person shares your family name and full postcode only by living with you: about
    // 3 people in a household out of 600,000.
    sameAddress: { m: 0.65, u: 5e-6 },
    // Twins are about 1 in 60 births, so among co-resident relatives with your family name.
    dateOfBirthExact: { m: 0.91, u: 0.005 },
  },
  twins: {
    other_name: { m: 0.04, u: 0.02 },
    // Parents rarely give twins two forms of one name; where they do (Charlie and Charlotte), it
    // is mostly a boy and a girl, and the sexes then disagree.
    variant: { m: 0.04, u: 0.04 },
    variant_name: { m: 0.02, u: 0.025 },
    // A typing slip or a transliteration is one name written two ways, not two names.
    typo: { m: 0.02, u: 0.02 },
    phonetic: { m: 0.01, u: 0.02 },
    fuzzy: { m: 0.01, u: 0.05 },
    // Two real names a letter or a sound apart (Jayden/Jaylen, Amelia/Amelie, Ella/Ellie).
    similar: { m: 0.004, u: 0.2 },
    // Two different names at one address on one birthday: twins, never one person renamed.
    disagree: { m: 0.005, u: 0.99 },
  },
  termFrequencyFloor: 1e-5,
};

/**
 * ARCHITECTURE.md: thresholds are configuration; these are the defaults. A possible match is shown
 * from 0.4: a two-in-five chance that an agency holds this child's record is worth a practitioner's
 * look, and a possible match shows identity only.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = { match: 0.95, possible: 0.4 };

export function levelWeight(level: ComparisonLevel): number {
  return Math.log2(level.m / level.u);
}
