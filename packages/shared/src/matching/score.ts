import {
  compareDateOfBirth, compareFamilyName, compareGender, compareGivenName, compareNhsNumber, comparePncId, comparePostcode, compareUpn,
  type DateOfBirthLevel, type FamilyNameLevel, type GenderLevel, type GivenNameLevel,
} from './compare';
import { DEFAULT_MATCH_MODEL, levelWeight, type ComparisonLevel, type MatchModel } from './model';
import { familyNameShare, givenNameShare } from './names';
import { nameParts, normaliseName } from './normalise';
import { MATCH_REASONS, type MatchReason, type PairScore, type PersonFacts } from './types';

const REASONS = {
  familyName: { exact: 'FAMILY_NAME', partial: 'FAMILY_NAME_PARTIAL', typo: 'FAMILY_NAME_TYPO', phonetic: 'FAMILY_NAME_PHONETIC', fuzzy: 'FAMILY_NAME_FUZZY' },
  givenName: {
    exact: 'GIVEN_NAME', other_name: 'GIVEN_NAME_OTHER', variant: 'GIVEN_NAME_NICKNAME', variant_name: 'GIVEN_NAME_NICKNAME', typo: 'GIVEN_NAME_TYPO', phonetic: 'GIVEN_NAME_PHONETIC',
    fuzzy: 'GIVEN_NAME_FUZZY',
  },
  dateOfBirth: { exact: 'DATE_OF_BIRTH', swapped: 'DATE_OF_BIRTH_SWAPPED', near: 'DATE_OF_BIRTH_NEAR', year_out: 'DATE_OF_BIRTH_YEAR_OUT', year: 'BIRTH_YEAR' },
  postcode: { full: 'POSTCODE', outward: 'POSTCODE_OUTWARD' },
} as const satisfies Record<string, Record<string, MatchReason>>;

const toConfidence = (weight: number, model: MatchModel) => 1 / (1 + 2 ** -(Math.log2(model.priorOdds) + weight));

/**
 * Fellegi-Sunter score of two records (DOMAIN.md 0.7.3): the sum of each comparison's log2
 * Bayes factor, turned into a posterior probability with the model's prior odds. An identifier
 * that agrees counts only when the demographics corroborate it (PDS: a number is trusted when
 * verified against the person): otherwise the pair is flagged as an identifier conflict and
 * scored on its demographics alone.
 */
export function scorePair(subject: PersonFacts, candidate: PersonFacts, model: MatchModel = DEFAULT_MATCH_MODEL): PairScore {
  const matchedOn = new Set<MatchReason>();
  const family = compareFamilyName(subject.familyName, candidate.familyName, model.fuzzyThreshold);
  const given = compareGivenName(subject.givenName, candidate.givenName, model.fuzzyThreshold);
  const dob = compareDateOfBirth(subject.dateOfBirth, candidate.dateOfBirth);
  const postcode = comparePostcode(subject.postcode, candidate.postcode);
  const gender = compareGender(subject.gender, candidate.gender);
  const household = family !== null && family !== 'disagree' && postcode === 'full';
  // Same family name and birth date: the other record may be a twin, wherever each now lives.
  const twins = family !== null && family !== 'disagree' && dob === 'exact';

  const demographic: ComparisonLevel[] = [];
  if (household) demographic.push(model.household.sameAddress);
  else {
    if (family) demographic.push(family === 'exact' ? termFrequency(model.familyName.exact, familyNameShare(normaliseName(subject.familyName).replace(/ /g, '')), model) : model.familyName[family]);
    if (postcode) demographic.push(model.postcode[postcode]);
  }
  if (given) demographic.push(givenLevel(given, twins, subject, model));
  if (dob) demographic.push(household && dob === 'exact' ? model.household.dateOfBirthExact : model.dateOfBirth[dob]);
  if (gender) demographic.push(model.gender[gender]);

  if (family && family !== 'disagree') matchedOn.add(REASONS.familyName[family]);
  if (given && given !== 'disagree' && given !== 'similar') matchedOn.add(REASONS.givenName[given]);
  if (dob && dob !== 'disagree') matchedOn.add(REASONS.dateOfBirth[dob]);
  if (postcode && postcode !== 'disagree') matchedOn.add(REASONS.postcode[postcode]);
  if (gender === 'agree') matchedOn.add('GENDER');

  const identifiers: ComparisonLevel[] = [];
  let agrees = 0;
  let disagrees = 0;
  for (const [reason, level, levels] of [
    ['NHS_NUMBER', compareNhsNumber(subject.nhsNumber, candidate.nhsNumber), model.nhsNumber],
    ['UPN', compareUpn(subject.upn, candidate.upn), model.upn],
    ['PNC_ID', comparePncId(subject.pncId, candidate.pncId), model.pncId],
  ] as const) {
    if (!level) continue;
    identifiers.push(levels[level]);
    if (level === 'agree') {
      agrees++;
      matchedOn.add(reason);
    } else disagrees++;
  }
  const corroborated = agrees > 0 && corroborates(subject, candidate, family, given, dob, gender);
  const contradicted = agrees > 0 && !corroborated && contradicts(family, given, dob, gender);
  if (contradicted) matchedOn.add('IDENTIFIER_CONFLICT');

  const demographicWeight = demographic.reduce((sum, level) => sum + levelWeight(level), 0);
  // An uncorroborated agreement is left out (unproven, or the conflict itself); a disagreement counts.
  const weight = demographicWeight + (agrees > 0 && !corroborated ? 0 : identifiers.reduce((sum, level) => sum + levelWeight(level), 0));
  let confidence = toConfidence(weight, model);
  if (corroborated && disagrees === 0) confidence = Math.max(confidence, model.identifierConfidence);
  if (agrees > 0 && !corroborated && !contradicted && disagrees === 0) confidence = Math.max(confidence, model.uncorroboratedIdentifierConfidence);
  // A number that disagrees gives way only to everything else agreeing exactly (see the model).
  const unanimous = family === 'exact' && given === 'exact' && dob === 'exact' && postcode === 'full' && gender === 'agree';
  return {
    confidence,
    weight,
    matchedOn: MATCH_REASONS.filter((reason) => matchedOn.has(reason)),
    identifierAgrees: agrees > 0,
    corroborated,
    contradicted,
    matchable: agrees > 0 || disagrees === 0 || unanimous,
    demographicConfidence: toConfidence(demographicWeight, model),
    demographicWeight,
  };
}

function givenLevel(level: GivenNameLevel, twins: boolean, subject: PersonFacts, model: MatchModel): ComparisonLevel {
  if (level === 'exact') return termFrequency(model.givenName.exact, givenNameShare(nameParts(normaliseName(subject.givenName))[0] ?? ''), model);
  return twins ? model.twins[level] : model.givenName[level];
}

/** An exact agreement on a common name is weaker evidence than on a rare one: `u` is the name's share. */
function termFrequency(level: ComparisonLevel, share: number | undefined, model: MatchModel): ComparisonLevel {
  return share === undefined ? level : { m: level.m, u: Math.max(share, model.termFrequencyFloor) };
}

/** Another given name or sex: this is someone else, whatever else agrees (a twin shares the rest). */
const otherPerson = (given: GivenNameLevel | null, gender: GenderLevel | null) => given === 'disagree' || given === 'similar' || gender === 'disagree';

/** The names, birth date or sex say this is someone else: what makes an agreeing identifier a conflict. */
function contradicts(family: FamilyNameLevel | null, given: GivenNameLevel | null, dob: DateOfBirthLevel | null, gender: GenderLevel | null): boolean {
  return otherPerson(given, gender) || dob === 'disagree' || dob === 'year' || family === 'disagree';
}

/**
 * "At least date of birth, or family name plus year" (issue 8, after PDS practice), and never
 * against another given name or sex: twins and siblings born in one year share the rest, and their
 * numbers are the ones referrers mix up. Without a date of birth on either side, the family and
 * given names must both agree.
 */
function corroborates(
  subject: PersonFacts, candidate: PersonFacts, family: FamilyNameLevel | null, given: GivenNameLevel | null, dob: DateOfBirthLevel | null,
  gender: GenderLevel | null,
): boolean {
  if (otherPerson(given, gender)) return false;
  if (dob === 'exact' || dob === 'swapped') return true;
  const familyAgrees = family !== null && family !== 'disagree';
  if (dob !== null) return familyAgrees && subject.dateOfBirth!.slice(0, 4) === candidate.dateOfBirth!.slice(0, 4);
  return familyAgrees && given !== null;
}
