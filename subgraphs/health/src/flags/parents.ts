import { FlagSeverityValue, type Flag } from '@mash/shared';
import { detainedLast12Months, isChild, openMentalHealthInvolvements, openSubstanceMisuseTreatments } from '../records/current';
import type { PatientDetails } from '../records/load';

const ADULT_MH_SERVICES = new Set(['AMHS', 'CRISIS', 'PERINATAL', 'EIP']);

/** An adult open to adult, crisis, perinatal or psychosis services, or detained in 12 months: toxic-trio input. */
export function parentMentalHealth(patient: PatientDetails, asOf: string): Flag | null {
  if (isChild(patient.dateOfBirth, asOf)) return null;
  const open = openMentalHealthInvolvements(patient, asOf).some((involvement) => ADULT_MH_SERVICES.has(involvement.service));
  const detained = detainedLast12Months(patient, asOf);
  if (!open && !detained) return null;
  const words = [open && 'open to a mental health service', detained && 'detained under the Mental Health Act in the last 12 months'];
  return { code: 'PARENT_MENTAL_HEALTH', severity: FlagSeverityValue.AMBER, summary: `Adult ${words.filter(Boolean).join(' and ')}` };
}

/** Open treatment only, never the substance: the summary is shared, the clinical detail is not. */
export function parentSubstanceMisuse(patient: PatientDetails, asOf: string): Flag | null {
  if (isChild(patient.dateOfBirth, asOf) || openSubstanceMisuseTreatments(patient, asOf).length === 0) return null;
  return { code: 'PARENT_SUBSTANCE_MISUSE', severity: FlagSeverityValue.AMBER, summary: 'Adult open to a substance misuse treatment service' };
}
