import type { Flag, FlagInput } from '@mash/shared';
import type { PatientDetails } from '../records/load';
import type { HealthRecord } from '../types/health-record.type';
import { notRegisteredWithGp, wasNotBrought } from './engagement';
import { lateBooking } from './maternity';
import { parentMentalHealth, parentSubstanceMisuse } from './parents';
import { activeSafeguardingCode, cpis } from './safeguarding';
import { injuryInInfant, repeatUnscheduledCare } from './unscheduled-care';

/**
 * Health's triangulation findings (DOMAIN.md 3.2 and 7), most severe first. A NOT_KNOWN child is
 * itself a finding: no GP registration found.
 */
export function healthFlags({ status, subject, record: patient, context: { asOf } }: FlagInput<PatientDetails, HealthRecord>): Flag[] {
  if (status === 'NOT_KNOWN' || !patient) return [notRegisteredWithGp(subject, null, asOf)].filter((flag): flag is Flag => flag !== null);
  return [
    cpis(patient, asOf),
    injuryInInfant(patient),
    notRegisteredWithGp(subject, patient, asOf),
    activeSafeguardingCode(patient, asOf),
    repeatUnscheduledCare(patient, asOf),
    wasNotBrought(patient, asOf),
    parentMentalHealth(patient, asOf),
    parentSubstanceMisuse(patient, asOf),
    lateBooking(patient, asOf),
  ].filter((flag): flag is Flag => flag !== null);
}
