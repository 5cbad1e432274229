import { recordBlockingKeys, type PersonFacts } from '@mash/shared';
import type { Patient } from '../entities';
import { GENDER } from '../records/health-record';

/** The columns matching reads. */
export type PatientIdentity = Pick<Patient, 'givenName' | 'familyName' | 'dateOfBirth' | 'gender' | 'postcode' | 'nhsNumber' | 'restricted'>;

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

/** The `blocking_keys` of a patient: from `patientFacts`, so a restricted patient has no `pg:` key. */
export function patientBlockingKeys(patient: PatientIdentity): string[] {
  return recordBlockingKeys(patientFacts(patient));
}
