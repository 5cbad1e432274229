import { isValidNhsNumber, normaliseNhsNumber } from '../identifiers/nhs-number';
import { isValidPncId, normalisePncId } from '../identifiers/pnc-id';
import { isNhsPseudoPostcode, normalisePostcode, outwardCode } from '../identifiers/postcode';
import { isTemporaryUpn, isValidUpn, normaliseUpn } from '../identifiers/upn';
import { isRealDate, swapDayMonth } from './dates';
import { withinOneEdit } from './edits';
import { jaroWinkler } from './jaro-winkler';
import { areVariants, isKnownGivenName, isRegisteredGivenName } from './names';
import { nameParts, normaliseName } from './normalise';
import { soundAlike } from './phonetic';
import type { Gender } from './types';

// Each comparison returns null when either side is missing: absence is neutral, not evidence.
type Value = string | null | undefined;

export type IdentifierLevel = 'agree' | 'disagree';
export type FamilyNameLevel = 'exact' | 'partial' | 'typo' | 'phonetic' | 'fuzzy' | 'disagree';
/**
 * `other_name`: a middle or known-as name is the other record's name; `variant`: nickname,
 * spelling or transliteration (the data table), one of them a pet form (Bill, Penny);
 * `variant_name`: the same, but both are names children are registered with (Charlie and
 * Charlotte, Harry and Henry); `typo`: one edit from the other name, itself no known name;
 * `similar`: close to the other name, but both are names in their own right (Jayden/Jaylen,
 * Amelia/Amelie): what twins and siblings are called, not a typing slip.
 */
export type GivenNameLevel = 'exact' | 'other_name' | 'variant' | 'variant_name' | 'typo' | 'phonetic' | 'fuzzy' | 'similar' | 'disagree';
export type DateOfBirthLevel = 'exact' | 'swapped' | 'near' | 'year_out' | 'year' | 'disagree';
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
  const joinedX = x.replace(/ /g, '');
  const joinedY = y.replace(/ /g, '');
  if (joinedX === joinedY) return 'exact';
  const partsY = nameParts(y);
  if (nameParts(x).some((part) => partsY.includes(part))) return 'partial';
  if (Math.min(joinedX.length, joinedY.length) >= 4 && withinOneEdit(joinedX, joinedY)) return 'typo';
  if (soundAlike(joinedX, joinedY)) return 'phonetic';
  return jaroWinkler(x, y) >= fuzzyThreshold ? 'fuzzy' : 'disagree';
}

const GIVEN_ORDER: readonly GivenNameLevel[] = ['variant', 'variant_name', 'typo', 'phonetic', 'fuzzy', 'similar'];

/**
 * Compares every given name of each side (first, middle, known-as): records disagree on which
 * of a person's names comes first far more often than people change them.
 */
export function compareGivenName(a: Value, b: Value, fuzzyThreshold: number): GivenNameLevel | null {
  const xs = nameParts(normaliseName(a));
  const ys = nameParts(normaliseName(b));
  if (xs.length === 0 || ys.length === 0) return null;
  if (xs[0] === ys[0]) return 'exact';
  // Initials say too little to count as another name.
  const named = (parts: string[]) => parts.filter((part) => part.length > 1);
  if (named(xs).some((x) => ys.includes(x))) return 'other_name';
  let best: GivenNameLevel | null = null;
  for (const x of named(xs)) {
    for (const y of named(ys)) {
      const level = pairLevel(x, y, fuzzyThreshold);
      if (level && (best === null || GIVEN_ORDER.indexOf(level) < GIVEN_ORDER.indexOf(best))) best = level;
    }
  }
  return best ?? 'disagree';
}

/**
 * A short form the table does not hold: the start of the longer name (Ant for Anthony, Con for
 * Cornelius) or its end (Tasha for Natasha, Sandra for Alexandra).
 */
function isShortForm(x: string, y: string): boolean {
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.length < 5 || short.length === long.length) return false;
  return (short.length >= 3 && long.startsWith(short)) || (short.length >= 4 && long.endsWith(short));
}

function pairLevel(x: string, y: string, fuzzyThreshold: number): GivenNameLevel | null {
  if (areVariants(x, y) || isShortForm(x, y)) return isRegisteredGivenName(x) && isRegisteredGivenName(y) ? 'variant_name' : 'variant';
  const oneEdit = Math.min(x.length, y.length) >= 3 && withinOneEdit(x, y);
  const phonetic = soundAlike(x, y);
  if (!oneEdit && !phonetic && jaroWinkler(x, y) < fuzzyThreshold) return null;
  if (isKnownGivenName(x) && isKnownGivenName(y)) return 'similar';
  return oneEdit ? 'typo' : phonetic ? 'phonetic' : 'fuzzy';
}

const DAY_MS = 86_400_000;

export function compareDateOfBirth(a: Value, b: Value): DateOfBirthLevel | null {
  if (!a || !b || !isRealDate(a) || !isRealDate(b)) return null;
  if (a === b) return 'exact';
  if (swapDayMonth(a) === b) return 'swapped';
  if (Math.abs(Date.parse(a) - Date.parse(b)) === DAY_MS) return 'near';
  if (a.slice(5) === b.slice(5) && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) === 1) return 'year_out';
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
