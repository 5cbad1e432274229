import { ageOn, FlagSeverityValue, type Flag, type RecordContext } from '@mash/shared';
import { attendancesFor, attendancesLast12Months, latest } from '../records/current';
import type { PatientDetails } from '../records/load';

export function repeatUnscheduledCare(patient: PatientDetails, asOf: string): Flag | null {
  const attendances = attendancesLast12Months(patient, asOf);
  if (attendances.length < 3) return null;
  return {
    code: 'REPEAT_ED_ATTENDANCE_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `${attendances.length} ED/MIU attendances in the last 12 months`,
    date: latest(attendances.map((attendance) => attendance.arrivedOn)),
  };
}

/** Any injury to a baby under one, however long ago: a non-mobile infant should not be injured (DOMAIN.md 3.2). */
export function injuryInInfant(patient: PatientDetails): Flag | null {
  const injured = patient.unscheduledCareAttendances
    .filter((attendance) => attendance.injury && ageOn(patient.dateOfBirth, attendance.arrivedOn) < 1)
    .map((attendance) => attendance.arrivedOn);
  const date = latest(injured);
  if (!date) return null;
  return { code: 'INJURY_INFANT_UNDER_1', severity: FlagSeverityValue.RED, summary: `Attended with an injury while under one year old (latest ${date})`, date };
}

/**
 * An attendance for an assault or for domestic abuse in the last 12 months, at any age (DOMAIN.md
 * 3.2: "assault or DA-related attendance of a parent"). A domestic-abuse presentation is a
 * DA-derived item with no DASH grading, so the grant's rule is asked about it like any other.
 */
export function daRelatedAttendance(patient: PatientDetails, context: RecordContext): Flag | null {
  const attendances = attendancesFor(patient, context.asOf, ['ASSAULT', 'DOMESTIC_ABUSE'])
    .filter((attendance) => attendance.presentation !== 'DOMESTIC_ABUSE' || context.disclose.domesticAbuse(null));
  if (attendances.length === 0) return null;
  const date = latest(attendances.map((attendance) => attendance.arrivedOn));
  const n = attendances.length;
  return {
    code: 'DA_RELATED_ATTENDANCE_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `${n} ED/MIU attendance${n === 1 ? '' : 's'} for an assault or domestic abuse in the last 12 months (latest ${date})`,
    date,
  };
}

/** A self-harm or overdose attendance in the last 12 months, at any age (DOMAIN.md 3.2). */
export function selfHarmAttendance(patient: PatientDetails, asOf: string): Flag | null {
  const attendances = attendancesFor(patient, asOf, ['SELF_HARM', 'OVERDOSE']);
  if (attendances.length === 0) return null;
  const date = latest(attendances.map((attendance) => attendance.arrivedOn));
  const n = attendances.length;
  return {
    code: 'SELF_HARM_ATTENDANCE_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `${n} ED/MIU attendance${n === 1 ? '' : 's'} for self-harm or an overdose in the last 12 months (latest ${date})`,
    date,
  };
}
