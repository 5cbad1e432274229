import { isValidNhsNumber, normaliseNhsNumber } from '../identifiers/nhs-number';
import { isValidPncId, normalisePncId } from '../identifiers/pnc-id';
import { isNhsPseudoPostcode, normalisePostcode, outwardCode } from '../identifiers/postcode';
import { isTemporaryUpn, isValidUpn, normaliseUpn } from '../identifiers/upn';
import { isRealDate, swapDayMonth } from './dates';
import { jaroWinkler } from './jaro-winkler';
import { areNicknames } from './nicknames';
import { nameParts, normaliseName } from './normalise';
import type { Gender } from './types';

// Each comparison returns null when either side is missing: absence is neutral, not evidence.
type Value = string | null | undefined;

export type IdentifierLevel = 'agree' | 'disagree';
export type FamilyNameLevel = 'exact' | 'partial' | 'fuzzy' | 'disagree';
export type GivenNameLevel = 'exact' | 'nickname' | 'fuzzy' | 'disagree';
export type DateOfBirthLevel = 'exact' | 'swapped' | 'year' | 'disagree';
export type PostcodeLevel = 'full' | 'outward' | 'disagree';
export type GenderLevel = 'agree' | 'disagree';

/** A number that fails its checksum is a data error, not evidence either way. */
function compareValid(a: Value, b: Value, normalise: (raw: string) => string | null, valid: (v: string) => boolean) {
  const x = a ? normalise(a) : null;
  const y = b ? normalise(b) : null;
  if (!x || !y || !valid(x) || !valid(y)) return null;
  return x === y ? 'agree' : 'disagree';
}

export const compareNhsNumber = (a: Value, b: Value): IdentifierLevel | null =>
  compareValid(a, b, normaliseNhsNumber, isValidNhsNumber);

export const comparePncId = (a: Value, b: Value): IdentifierLevel | null =>
  compareValid(a, b, (raw) => normalisePncId(raw), isValidPncId);

/** A temporary UPN is meant to be replaced, so it differing from another UPN proves nothing. */
export function compareUpn(a: Value, b: Value): IdentifierLevel | null {
  const level = compareValid(a, b, normaliseUpn, isValidUpn);
  return level === 'disagree' && (isTemporaryUpn(a!) || isTemporaryUpn(b!)) ? null : level;
}

export function compareFamilyName(a: Value, b: Value, fuzzyThreshold: number): FamilyNameLevel | null {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return null;
  if (x.replace(/ /g, '') === y.replace(/ /g, '')) return 'exact';
  const partsY = nameParts(y);
  if (nameParts(x).some((part) => partsY.includes(part))) return 'partial';
  return jaroWinkler(x, y) >= fuzzyThreshold ? 'fuzzy' : 'disagree';
}

/** Compares first given names: middle names are recorded inconsistently between agencies. */
export function compareGivenName(a: Value, b: Value, fuzzyThreshold: number): GivenNameLevel | null {
  const x = nameParts(normaliseName(a))[0];
  const y = nameParts(normaliseName(b))[0];
  if (!x || !y) return null;
  if (x === y) return 'exact';
  if (areNicknames(x, y)) return 'nickname';
  return jaroWinkler(x, y) >= fuzzyThreshold ? 'fuzzy' : 'disagree';
}

export function compareDateOfBirth(a: Value, b: Value): DateOfBirthLevel | null {
  if (!a || !b || !isRealDate(a) || !isRealDate(b)) return null;
  if (a === b) return 'exact';
  if (swapDayMonth(a) === b) return 'swapped';
  return a.slice(0, 4) === b.slice(0, 4) ? 'year' : 'disagree';
}

/** NHS pseudo-postcodes (no fixed abode, not known) say nothing about where someone lives. */
export function comparePostcode(a: Value, b: Value): PostcodeLevel | null {
  const x = a ? normalisePostcode(a) : null;
  const y = b ? normalisePostcode(b) : null;
  if (!x || !y || isNhsPseudoPostcode(x) || isNhsPseudoPostcode(y)) return null;
  if (x === y) return 'full';
  return outwardCode(x) === outwardCode(y) ? 'outward' : 'disagree';
}

export function compareGender(a: Gender | null | undefined, b: Gender | null | undefined): GenderLevel | null {
  if (!a || !b || a === 'UNKNOWN' || b === 'UNKNOWN') return null;
  return a === b ? 'agree' : 'disagree';
}
