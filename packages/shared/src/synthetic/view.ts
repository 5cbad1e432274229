import { isTemporaryUpn, temporaryUpnFor } from '../identifiers/upn';
import { swapDayMonth } from '../matching/dates';
import { nicknameAlternatives } from './nicknames';
import { ageOn } from './dates';
import { createRng } from './random';
import type { Rng } from './random';
import { ALL_SURNAMES } from './surnames';
import type { AgencyName, AgencyPersonView, Household, SyntheticPerson, VariantKind } from './types';

/**
 * How often an agency's record differs from the truth, where the variant can apply (DOMAIN.md
 * 0.7 synthetic-data tip). Addresses lag most: a family that moved is re-registered with a GP or
 * recorded in the school census only when someone gets round to it.
 */
export const VARIANT_RATES: Record<VariantKind, number> = {
  NICKNAME: 0.03,
  HYPHENATED_SURNAME: 0.03,
  DOB_DAY_MONTH_SWAPPED: 0.03,
  PREVIOUS_POSTCODE: 0.15,
  TEMPORARY_UPN: 0.03,
  MISSING_NHS_NUMBER: 0.03,
};

/**
 * Share of people whose NHS number an agency records, before MISSING_NHS_NUMBER: health always,
 * children's social care for children (the CIN census asks for it) and half of adults, police
 * only when it came with a safeguarding referral, education never (it keys on the UPN).
 */
const NHS_HELD: Record<AgencyName, { child: number; adult: number }> = {
  health: { child: 1, adult: 1 },
  'social-care': { child: 1, adult: 0.5 },
  police: { child: 0.25, adult: 0.25 },
  education: { child: 0, adult: 0 },
};

/** `Smith-Patel`, mostly with the person's own surname first. */
function hyphenate(familyName: string, rng: Rng): string {
  let other = rng.pick(ALL_SURNAMES);
  while (other === familyName) other = rng.pick(ALL_SURNAMES);
  return rng.chance(0.7) ? `${familyName}-${other}` : `${other}-${familyName}`;
}

export type AgencyView = (person: SyntheticPerson, agency: AgencyName) => AgencyPersonView | null;

/**
 * Each (person, agency) pair draws from its own stream, so a view never changes when the
 * population grows or another agency is asked first; demo households never vary.
 */
export function createAgencyView(seed: number, referenceDate: string, households: Household[], demoKeys: ReadonlySet<string>): AgencyView {
  const byKey = new Map(households.map((household) => [household.key, household]));
  return (person, agency) => {
    if (!person.knownTo[agency]) return null;
    const household = byKey.get(person.householdKey);
    if (!household) throw new Error(`Person ${person.key} is not part of this population.`);
    const rng = createRng(`view:${seed}:${agency}:${person.key}`);
    const exact = demoKeys.has(household.key);
    const variants: VariantKind[] = [];
    const vary = (kind: VariantKind, applies: boolean): boolean => {
      const roll = rng.next();
      if (exact || !applies || roll >= VARIANT_RATES[kind]) return false;
      variants.push(kind);
      return true;
    };
    const held = NHS_HELD[agency][ageOn(person.dateOfBirth, referenceDate) >= 18 ? 'adult' : 'child'];
    const holdsNhs = rng.next() < held || (exact && agency !== 'education');
    const nicknames = nicknameAlternatives(person.givenName);
    const swapped = swapDayMonth(person.dateOfBirth);
    const holdsUpn = (agency === 'education' || agency === 'social-care') && person.upn !== null;
    const moved = household.previousPostcode !== null;

    const nickname = vary('NICKNAME', nicknames.length > 0);
    const hyphenated = vary('HYPHENATED_SURNAME', !/[- ]/.test(person.familyName));
    const swapDob = vary('DOB_DAY_MONTH_SWAPPED', swapped !== null);
    // Scenario households vary only where the scenario says: an agency still holding the old address.
    const stale = person.scenario?.staleAddressAt?.includes(agency) ?? false;
    const previous = vary('PREVIOUS_POSTCODE', moved) || (exact && moved && stale && variants.push('PREVIOUS_POSTCODE') > 0);
    const temporary = vary('TEMPORARY_UPN', agency === 'education' && holdsUpn && !isTemporaryUpn(person.upn!));
    const missingNhs = vary('MISSING_NHS_NUMBER', agency !== 'health' && holdsNhs && person.nhsNumber !== null);

    return {
      personKey: person.key,
      householdKey: household.key,
      givenName: nickname ? rng.pick(nicknames) : person.givenName,
      familyName: hyphenated ? hyphenate(person.familyName, rng) : person.familyName,
      dateOfBirth: swapDob ? swapped! : person.dateOfBirth,
      gender: person.gender,
      addressLine: previous ? household.previousAddressLine! : household.addressLine,
      postcode: previous ? household.previousPostcode! : household.postcode,
      uprn: previous ? household.previousUprn! : household.uprn,
      nhsNumber: holdsNhs && !missingNhs ? person.nhsNumber : null,
      upn: holdsUpn ? (temporary ? temporaryUpnFor(person.upn!) : person.upn) : null,
      pncId: agency === 'police' ? person.pncId : null,
      variants,
    };
  };
}
