import { GenderValue, recordBlockingKeys, type PersonFacts, type PersonTable } from '@mash/shared';
import type { PatientGender } from '../entities/code-lists';
import type { PatientCandidate } from './candidates';

/** The columns matching reads. */
export type PatientIdentity = Pick<PatientCandidate, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'nhsNumber' | 'restricted'>;

/** PDS administrative gender as the shared matcher and schema spell it. */
export const GENDER: Record<PatientGender, GenderValue> = {
  male: GenderValue.MALE,
  female: GenderValue.FEMALE,
  other: GenderValue.OTHER,
  unknown: GenderValue.UNKNOWN,
};

/**
 * What the matcher compares a patient on. A restricted patient's postcode is left out, so a
 * restricted record can be matched by NHS number or name and date of birth but never found by
 * where they live (PDS: a search including postcode does not return restricted patients).
 */
export function patientFacts(patient: PatientIdentity): PersonFacts {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    gender: GENDER[patient.gender],
    postcode: patient.restricted ? null : patient.postcode,
    nhsNumber: patient.nhsNumber,
  };
}

/** PDS holds one name per patient (no aliases), so a patient is matched under one set of facts. */
export function patientIdentities(patient: PatientIdentity): PersonFacts[] {
  return [patientFacts(patient)];
}

/** The `blocking_keys` of a patient: from `patientFacts`, so a restricted patient has no `pg:` key. */
export function patientBlockingKeys(patient: PatientIdentity): string[] {
  return recordBlockingKeys(patientIdentities(patient));
}

/** The person table as the blocking-key migrations read it: the facts `patientBlockingKeys` needs, a page at a time. */
export const PATIENTS_TABLE: PersonTable<PatientIdentity & { id: string }> = {
  table: 'patient',
  id: 'id',
  idType: 'uuid',
  factsPage: `
SELECT id, given_name AS "givenName", family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
  gender, postcode, nhs_number AS "nhsNumber", restricted
FROM patient
WHERE $1::uuid IS NULL OR id > $1::uuid
ORDER BY id
LIMIT $2`,
  keys: patientBlockingKeys,
};
