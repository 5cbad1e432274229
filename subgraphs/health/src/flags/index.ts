import { FlagSeverityValue, type Flag, type FlagInput } from '@mash/shared';
import type { PatientDetails } from '../records/load';
import type { HealthRecord } from '../types/health-record.type';
import { notRegisteredWithGp, wasNotBrought } from './engagement';
import { lateBooking } from './maternity';
import { mhaDetention, parentMentalHealth, parentSubstanceMisuse } from './parents';
import { activeSafeguardingCode, cpis, fgmRecorded } from './safeguarding';
import { daRelatedAttendance, injuryInInfant, repeatUnscheduledCare, selfHarmAttendance } from './unscheduled-care';

const WEIGHT: Record<FlagSeverityValue, number> = { RED: 0, AMBER: 1, GREEN: 2 };

/**
 * Health's triangulation findings (DOMAIN.md 3.2 and 7), most severe first. A NOT_KNOWN child is
 * itself a finding: no GP registration found.
 */
export function healthFlags({ status, subject, record: patient, context }: FlagInput<PatientDetails, HealthRecord>): Flag[] {
  const { asOf } = context;
  if (status === 'NOT_KNOWN' || !patient) return [notRegisteredWithGp(subject, null, asOf)].filter((flag): flag is Flag => flag !== null);
  return [
    cpis(patient, asOf),
    injuryInInfant(patient),
    fgmRecorded(patient, asOf),
    notRegisteredWithGp(subject, patient, asOf),
    activeSafeguardingCode(patient, asOf),
    repeatUnscheduledCare(patient, asOf),
    daRelatedAttendance(patient, context),
    selfHarmAttendance(patient, asOf),
    wasNotBrought(patient, asOf),
    parentMentalHealth(patient, asOf),
    mhaDetention(patient, asOf),
    parentSubstanceMisuse(patient, asOf),
    lateBooking(patient, asOf),
  ]
    .filter((flag): flag is Flag => flag !== null)
    .sort((a, b) => WEIGHT[a.severity] - WEIGHT[b.severity]);
}
