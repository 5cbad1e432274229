import type { PersonFacts } from '@mash/shared';
import type { Patient } from '../entities';
import { GENDER } from '../records/health-record';

/**
 * What the matcher compares a patient on. A restricted patient's postcode is left out, so a
 * restricted record can be matched by NHS number or name and date of birth but never found by
 * where they live (PDS: a search including postcode does not return restricted patients).
 */
export function patientFacts(patient: Patient): PersonFacts {
  return {
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    gender: GENDER[patient.gender],
    postcode: patient.restricted ? null : patient.postcode,
    nhsNumber: patient.nhsNumber,
  };
}
