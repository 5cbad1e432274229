import type { Flag, MatchStatus, PersonFacts } from '@mash/shared';
import type { PatientDetails } from '../records/patient-details';
import {
  activeSafeguardingCode, cpis, identityUnresolved, injuryInInfant, lateBooking, notRegisteredWithGp, parentMentalHealth,
  parentSubstanceMisuse, repeatUnscheduledCare, wasNotBrought,
} from './health-flags';

export interface FlagInput {
  status: MatchStatus;
  subject: PersonFacts;
  /** The matched record (MATCHED only). */
  patient: PatientDetails | null;
  /** Candidates reported (AMBIGUOUS only). */
  candidates: number;
  asOf: string;
}

/** Every health flag for one subject, most severe first. */
export function healthFlags(input: FlagInput): Flag[] {
  const { status, subject, patient, asOf } = input;
  if (status === 'AMBIGUOUS') return [identityUnresolved(input.candidates)];
  if (status === 'NOT_KNOWN' || !patient) return [notRegisteredWithGp(subject, null, asOf)].filter((f): f is Flag => f !== null);
  const flags = [
    cpis(patient, asOf),
    injuryInInfant(patient),
    notRegisteredWithGp(subject, patient, asOf),
    activeSafeguardingCode(patient, asOf),
    repeatUnscheduledCare(patient, asOf),
    wasNotBrought(patient, asOf),
    parentMentalHealth(patient, asOf),
    parentSubstanceMisuse(patient, asOf),
    lateBooking(patient, asOf),
  ];
  return flags.filter((f): f is Flag => f !== null);
}
