export * from './types';
export { normaliseName, nameParts } from './normalise';
export { jaroWinkler } from './jaro-winkler';
export { NICKNAME_GROUPS, areNicknames, nicknameAlternatives } from './nicknames';
export { isRealDate, swapDayMonth } from './dates';
export {
  compareNhsNumber, compareUpn, comparePncId, compareFamilyName, compareGivenName,
  compareDateOfBirth, comparePostcode, compareGender,
} from './compare';
export { DEFAULT_MATCH_MODEL, DEFAULT_THRESHOLDS, levelWeight } from './model';
export type { ComparisonLevel, IdentifierLevels, MatchModel } from './model';
export { recordBlockingKeys, subjectBlockingKeys } from './blocking';
export { scorePair } from './score';
export { classify } from './classify';
