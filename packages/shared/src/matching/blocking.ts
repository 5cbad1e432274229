import { isValidNhsNumber, normaliseNhsNumber } from '../identifiers/nhs-number';
import { isValidPncId, normalisePncId } from '../identifiers/pnc-id';
import { isNhsPseudoPostcode, normalisePostcode } from '../identifiers/postcode';
import { isValidUpn, normaliseUpn } from '../identifiers/upn';
import { isRealDate, swapDayMonth } from './dates';
import { nameParts, normaliseName } from './normalise';
import type { BlockingKeys, PersonFacts } from './types';

const list = (value: string | null | undefined): string[] => (value ? [value] : []);

/**
 * Keys for an agency's candidate query (DOMAIN.md 0.7.3 blocking rules). Only valid identifiers
 * and real dates are keys. Family-name keys include each part of a double-barrelled name, so
 * `Smith-Patel` and `Smith` born the same year meet in one block.
 */
export function blockingKeys(facts: PersonFacts): BlockingKeys {
  const nhs = facts.nhsNumber ? normaliseNhsNumber(facts.nhsNumber) : null;
  const upn = facts.upn ? normaliseUpn(facts.upn) : null;
  const pnc = facts.pncId ? normalisePncId(facts.pncId) : null;
  const postcode = facts.postcode ? normalisePostcode(facts.postcode) : null;
  const dob = facts.dateOfBirth && isRealDate(facts.dateOfBirth) ? facts.dateOfBirth : null;
  const family = normaliseName(facts.familyName);
  const names = family ? [...new Set([family, ...nameParts(family)])] : [];
  return {
    nhsNumbers: list(nhs && isValidNhsNumber(nhs) ? nhs : null),
    upns: list(upn && isValidUpn(upn) ? upn : null),
    pncIds: list(pnc && isValidPncId(pnc) ? pnc : null),
    datesOfBirth: dob ? [dob, ...list(swapDayMonth(dob))] : [],
    postcodes: list(postcode && !isNhsPseudoPostcode(postcode) ? postcode : null),
    familyNameYears: dob ? names.map((name) => `${name}|${dob.slice(0, 4)}`) : [],
  };
}
