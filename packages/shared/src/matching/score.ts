import {
  compareDateOfBirth, compareFamilyName, compareGender, compareGivenName, compareNhsNumber,
  comparePncId, comparePostcode, compareUpn,
} from './compare';
import { DEFAULT_MATCH_MODEL, levelWeight } from './model';
import type { ComparisonLevel, MatchModel } from './model';
import { MATCH_REASONS } from './types';
import type { MatchReason, PairScore, PersonFacts } from './types';

const REASONS = {
  familyName: { exact: 'FAMILY_NAME', partial: 'FAMILY_NAME_PARTIAL', fuzzy: 'FAMILY_NAME_FUZZY' },
  givenName: { exact: 'GIVEN_NAME', nickname: 'GIVEN_NAME_NICKNAME', fuzzy: 'GIVEN_NAME_FUZZY' },
  dateOfBirth: { exact: 'DATE_OF_BIRTH', swapped: 'DATE_OF_BIRTH_SWAPPED', year: 'BIRTH_YEAR' },
  postcode: { full: 'POSTCODE', outward: 'POSTCODE_OUTWARD' },
} as const satisfies Record<string, Record<string, MatchReason>>;

/**
 * Fellegi-Sunter score of two records (DOMAIN.md 0.7.3): the sum of each comparison's log2
 * Bayes factor, turned into a posterior probability with the model's prior odds.
 */
export function scorePair(subject: PersonFacts, candidate: PersonFacts, model: MatchModel = DEFAULT_MATCH_MODEL): PairScore {
  const evidence: ComparisonLevel[] = [];
  const matchedOn = new Set<MatchReason>();
  const ids = { agree: 0, disagree: 0 };

  const identifiers = [
    ['NHS_NUMBER', compareNhsNumber(subject.nhsNumber, candidate.nhsNumber), model.nhsNumber],
    ['UPN', compareUpn(subject.upn, candidate.upn), model.upn],
    ['PNC_ID', comparePncId(subject.pncId, candidate.pncId), model.pncId],
  ] as const;
  for (const [reason, level, levels] of identifiers) {
    if (!level) continue;
    ids[level]++;
    evidence.push(levels[level]);
    if (level === 'agree') matchedOn.add(reason);
  }

  const family = compareFamilyName(subject.familyName, candidate.familyName, model.fuzzyThreshold);
  const given = compareGivenName(subject.givenName, candidate.givenName, model.fuzzyThreshold);
  const dob = compareDateOfBirth(subject.dateOfBirth, candidate.dateOfBirth);
  const postcode = comparePostcode(subject.postcode, candidate.postcode);
  const gender = compareGender(subject.gender, candidate.gender);
  const household = family !== null && family !== 'disagree' && postcode === 'full';

  if (family) evidence.push(model.familyName[family]);
  if (given) evidence.push(model.givenName[given]);
  if (dob) evidence.push(household && dob === 'exact' ? model.household.dateOfBirthExact : model.dateOfBirth[dob]);
  if (postcode) evidence.push(household ? model.household.postcodeFull : model.postcode[postcode]);
  if (gender) evidence.push(model.gender[gender]);

  if (family && family !== 'disagree') matchedOn.add(REASONS.familyName[family]);
  if (given && given !== 'disagree') matchedOn.add(REASONS.givenName[given]);
  if (dob && dob !== 'disagree') matchedOn.add(REASONS.dateOfBirth[dob]);
  if (postcode && postcode !== 'disagree') matchedOn.add(REASONS.postcode[postcode]);
  if (gender === 'agree') matchedOn.add('GENDER');

  const weight = evidence.reduce((sum, level) => sum + levelWeight(level), 0);
  const logOdds = Math.log2(model.priorOdds) + weight;
  let confidence = 1 / (1 + 2 ** -logOdds);
  if (ids.agree > 0 && ids.disagree === 0) confidence = Math.max(confidence, model.identifierConfidence);
  return { confidence, weight, matchedOn: MATCH_REASONS.filter((reason) => matchedOn.has(reason)) };
}
