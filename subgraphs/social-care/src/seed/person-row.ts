import {
  ageOn, normalisePostcode, validateIdentifier, weighted, type AgencyPersonView, type IdentifierKind, type Rng,
} from '@mash/shared';
import type { EthnicityCode } from '../entities/code-lists';
import { GENDER_CODE, personBlockingKeys } from '../matching/person-facts';
import type { PersonRow } from './rows';

/** Roughly Warwickshire's mix (2021 census: about 85% White British). */
const ETHNICITIES: readonly (readonly [EthnicityCode, number])[] = [
  ['WBRI', 80], ['WOTH', 4], ['WIRI', 1], ['AIND', 4], ['APKN', 1], ['AOTH', 1], ['MWBC', 2], ['MWBA', 1],
  ['MOTH', 1], ['BAFR', 1], ['BCRB', 1], ['CHNE', 1], ['OOTH', 1], ['NOBT', 1],
];

/** One draw per household: members mostly share a recorded ethnicity. */
export function pickEthnicity(rng: Rng): EthnicityCode {
  return weighted(rng, ETHNICITIES);
}

/** Refuses an invalid identifier rather than storing it: the matcher trusts what is stored. */
function checked(kind: IdentifierKind, raw: string | null | undefined): string | null {
  if (!raw) return null;
  const result = validateIdentifier(kind, raw);
  if (!result.ok) throw new Error(`social-care seed: ${result.reason}`);
  return result.value;
}

/** The local authority's record of one person, as social care holds it (with its own variants). */
export function toPersonRow(id: string, view: AgencyPersonView, ethnicity: EthnicityCode, referenceDate: string): PersonRow {
  const unborn = view.dateOfBirth > referenceDate;
  const isAdult = !unborn && ageOn(view.dateOfBirth, referenceDate) >= 18;
  const postcode = view.postcode ? normalisePostcode(view.postcode) : null;
  if (view.postcode && !postcode) throw new Error(`social-care seed: postcode "${view.postcode}" is not valid`);
  const row: Omit<PersonRow, 'blockingKeys'> = {
    id,
    upn: isAdult ? null : checked('UPN', view.upn),
    nhsNumber: checked('NHS_NUMBER', view.nhsNumber),
    givenName: view.givenName,
    familyName: view.familyName,
    dateOfBirth: unborn ? null : view.dateOfBirth,
    expectedDateOfBirth: unborn ? view.dateOfBirth : null,
    // CIN GenderCurrent 0 is also the code for an unborn child.
    genderCode: unborn ? 0 : GENDER_CODE[view.gender],
    ethnicity: unborn ? null : ethnicity,
    postcode,
    uprn: view.uprn,
    isAdult,
  };
  return { ...row, blockingKeys: personBlockingKeys(row) };
}
