import { FlagSeverityValue, type Flag } from '@mash/shared';
import { detentionsLast12Months, isChild, latest, openMentalHealthInvolvements, openSubstanceMisuseTreatments } from '../records/current';
import type { PatientDetails } from '../records/load';

const ADULT_MH_SERVICES = new Set(['AMHS', 'CRISIS', 'PERINATAL', 'EIP']);

/**
 * Any adult (parent, carer, partner, alleged perpetrator, adult at risk) open to adult, crisis,
 * perinatal or psychosis services, or detained in 12 months: a toxic-trio input wherever children
 * live. The code keeps its name; what it says is about the adult, whoever they are to the case.
 */
export function parentMentalHealth(patient: PatientDetails, asOf: string): Flag | null {
  if (isChild(patient.dateOfBirth, asOf)) return null;
  const open = openMentalHealthInvolvements(patient, asOf).filter((involvement) => ADULT_MH_SERVICES.has(involvement.service));
  const detentions = detentionsLast12Months(patient, asOf);
  if (open.length === 0 && detentions.length === 0) return null;
  const words = [open.length > 0 && 'open to a mental health service', detentions.length > 0 && 'detained under the Mental Health Act in the last 12 months'];
  return {
    code: 'PARENT_MENTAL_HEALTH',
    severity: FlagSeverityValue.AMBER,
    summary: `Adult ${words.filter(Boolean).join(' and ')}`,
    date: latest([...open.map((involvement) => involvement.referralDate), ...detentions.map((involvement) => involvement.mhaDetainedFrom)]),
  };
}

/** Open treatment only, never the substance: the summary is shared, the clinical detail is not. */
export function parentSubstanceMisuse(patient: PatientDetails, asOf: string): Flag | null {
  if (isChild(patient.dateOfBirth, asOf)) return null;
  const open = openSubstanceMisuseTreatments(patient, asOf);
  if (open.length === 0) return null;
  return {
    code: 'PARENT_SUBSTANCE_MISUSE',
    severity: FlagSeverityValue.AMBER,
    summary: 'Adult open to a substance misuse treatment service',
    date: latest(open.map((treatment) => treatment.startDate)),
  };
}

/** Detained under the Mental Health Act 1983 at any time in the last 12 months, at any age (DOMAIN.md 3.2, 7). */
export function mhaDetention(patient: PatientDetails, asOf: string): Flag | null {
  const detentions = detentionsLast12Months(patient, asOf);
  if (detentions.length === 0) return null;
  const date = latest(detentions.map((involvement) => involvement.mhaDetainedFrom));
  return {
    code: 'MHA_DETENTION_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `Detained under the Mental Health Act in the last 12 months (latest detention from ${date})`,
    date,
  };
}
