import { isValidNhsNumber, normaliseNhsNumber } from '../identifiers/nhs-number';
import { isValidPncId, normalisePncId } from '../identifiers/pnc-id';
import { isNhsPseudoPostcode, normalisePostcode, outwardCode } from '../identifiers/postcode';
import { isValidUpn, normaliseUpn } from '../identifiers/upn';
import { isRealDate, swapDayMonth } from './dates';
import { nameParts, normaliseName } from './normalise';
import { primaryPhoneticCode } from './phonetic';
import type { PersonFacts } from './types';

/**
 * Blocking keys (DOMAIN.md 0.7.3): the strings stored in an agency person table's indexed
 * `blocking_keys text[]` column and sent as `WHERE blocking_keys && $1::text[]`. Two people are
 * compared only if they share a key:
 *   `nhs:` / `upn:` / `pnc:`   a valid identifier, normalised;
 *   `dg:<dob>|<given initial>`  and `df:<dob>|<family initial>`;
 *   `pg:<postcode>|<given initial>`;
 *   `fy:<family name>|<birth year>|<given initial>`, for the whole family name and each of its parts;
 *   `pf:<family name's Double Metaphone code>|<birth year and month>`;
 *   `pd:<family name's Double Metaphone code>|<birth month and day>`;
 *   `dd:<dob>|<postcode district>`.
 * Each key pairs two facts, so a nickname (different given initial), a new surname or a move
 * still leaves at least one key in common, while no key is as broad as "born that day". The last
 * three survive a given name that changes its first letter (Katherine/Catherine, Ebrahim/Ibrahim)
 * together with a second difference: a misspelt surname or a day out (`pf`), a year out (`pd`),
 * or a new surname (`dd`).
 * This contract is also written as SQL by the bulk seeds: change both together.
 */
export function recordBlockingKeys(facts: PersonFacts | readonly PersonFacts[]): string[] {
  const all = Array.isArray(facts) ? (facts as readonly PersonFacts[]) : [facts as PersonFacts];
  return [...new Set(all.flatMap((one) => keysOf(one, false)))];
}

/**
 * The subject's keys: a record's keys plus the date-of-birth keys of its day/month-swapped date
 * (a referral keyed US-style), so a record holding the true date is still a candidate.
 */
export function subjectBlockingKeys(facts: PersonFacts): string[] {
  return [...new Set(keysOf(facts, true))];
}

function keysOf(facts: PersonFacts, withSwappedDate: boolean): string[] {
  const keys: string[] = [];
  const nhs = facts.nhsNumber ? normaliseNhsNumber(facts.nhsNumber) : null;
  if (nhs && isValidNhsNumber(nhs)) keys.push(`nhs:${nhs}`);
  const upn = facts.upn ? normaliseUpn(facts.upn) : null;
  if (upn && isValidUpn(upn)) keys.push(`upn:${upn}`);
  const pnc = facts.pncId ? normalisePncId(facts.pncId) : null;
  if (pnc && isValidPncId(pnc)) keys.push(`pnc:${pnc}`);

  const given = normaliseName(facts.givenName).charAt(0);
  const family = normaliseName(facts.familyName);
  const dob = facts.dateOfBirth && isRealDate(facts.dateOfBirth) ? facts.dateOfBirth : null;
  const dates = dob ? [dob] : [];
  const swapped = dob && withSwappedDate ? swapDayMonth(dob) : null;
  if (swapped) dates.push(swapped);
  for (const date of dates) {
    if (given) keys.push(`dg:${date}|${given}`);
    if (family) keys.push(`df:${date}|${family.charAt(0)}`);
  }
  // A pseudo-postcode (ZZ99: no fixed abode, not known) is shared by strangers: no key.
  const postcode = facts.postcode ? normalisePostcode(facts.postcode) : null;
  if (postcode && given && !isNhsPseudoPostcode(postcode)) keys.push(`pg:${postcode}|${given}`);
  if (dob && given && family) {
    for (const name of new Set([family, ...nameParts(family)])) keys.push(`fy:${name}|${dob.slice(0, 4)}|${given}`);
  }
  // Not for the swapped date too: a swap with a changed first letter is rare, and every key a
  // batch sends adds to the planner's cost estimate for the GIN index.
  const phonetic = family ? primaryPhoneticCode(family) : '';
  if (dob && phonetic) keys.push(`pf:${phonetic}|${dob.slice(0, 7)}`, `pd:${phonetic}|${dob.slice(5)}`);
  const district = dob && postcode && !isNhsPseudoPostcode(postcode) ? outwardCode(postcode) : null;
  if (district) keys.push(`dd:${dob}|${district}`);
  return keys;
}
