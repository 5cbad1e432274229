import { ageOn, FlagSeverityValue, type Flag } from '@mash/shared';
import { attendancesLast12Months } from '../records/current';
import type { PatientDetails } from '../records/load';

export function repeatUnscheduledCare(patient: PatientDetails, asOf: string): Flag | null {
  const count = attendancesLast12Months(patient, asOf).length;
  if (count < 3) return null;
  return { code: 'REPEAT_ED_ATTENDANCE_12M', severity: FlagSeverityValue.AMBER, summary: `${count} ED/MIU attendances in the last 12 months` };
}

/** Any injury to a baby under one, however long ago: a non-mobile infant should not be injured (DOMAIN.md 3.2). */
export function injuryInInfant(patient: PatientDetails): Flag | null {
  const injured = patient.unscheduledCareAttendances
    .filter((attendance) => attendance.injury && ageOn(patient.dateOfBirth, attendance.arrivedOn) < 1)
    .map((attendance) => attendance.arrivedOn)
    .sort();
  if (injured.length === 0) return null;
  return {
    code: 'INJURY_INFANT_UNDER_1',
    severity: FlagSeverityValue.RED,
    summary: `Attended with an injury while under one year old (latest ${injured.at(-1)})`,
  };
}
