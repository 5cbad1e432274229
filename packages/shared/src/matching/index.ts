export * from './types';
export { normaliseName, nameParts } from './normalise';
export { jaroWinkler } from './jaro-winkler';
export { withinOneEdit } from './edits';
export { phoneticCodes, primaryPhoneticCode, soundAlike } from './phonetic';
export { GIVEN_NAME_VARIANT_GROUPS, areVariants, isKnownGivenName, isRegisteredGivenName, familyNameShare, givenNameShare } from './names';
export { isRealDate, swapDayMonth } from './dates';
export {
  compareNhsNumber, compareUpn, comparePncId, compareFamilyName, compareGivenName,
  compareDateOfBirth, comparePostcode, compareGender,
} from './compare';
export type { DateOfBirthLevel, FamilyNameLevel, GivenNameLevel, GenderLevel, IdentifierLevel, PostcodeLevel } from './compare';
export { DEFAULT_MATCH_MODEL, DEFAULT_THRESHOLDS, levelWeight } from './model';
export type { ComparisonLevel, IdentifierLevels, MatchModel } from './model';
export { recordBlockingKeys, subjectBlockingKeys } from './blocking';
export { scorePair } from './score';
export { classify, DOMINANCE_BITS, MAX_AMBIGUOUS_CANDIDATES } from './classify';
