import type { PupilRecord } from '../domain/pupil-record';
import {
  activeHomeEducation,
  attendanceThisYear,
  currentEnrolment,
  exclusionsLast12Months,
  latestHomeEducation,
  latestMissingEducation,
  withinLast12Months,
} from '../domain/pupil-status';
import type { EducationRecord } from '../types/education-record.type';

/** The MASH summary of one pupil on the reference date `on`. */
export function toEducationRecord(pupil: PupilRecord, on: string): EducationRecord {
  const enrolment = currentEnrolment(pupil, on);
  const attendance = attendanceThisYear(pupil.attendance, on);
  const homeEducation = latestHomeEducation(pupil, on);
  const missing = latestMissingEducation(pupil, on);
  const encompass = pupil.operationEncompass
    .filter((n) => withinLast12Months(n.receivedAt, on))
    .map((n) => new Date(n.receivedAt).toISOString().slice(0, 10))
    .sort();
  return {
    id: pupil.id,
    upn: pupil.upn,
    upnTemporary: pupil.upnTemporary,
    currentSchool: enrolment && {
      urn: enrolment.school.urn,
      name: enrolment.school.name,
      phase: enrolment.school.phase,
      dslContact: { role: enrolment.school.dslRole, phone: enrolment.school.dslPhone },
    },
    onRoll: enrolment !== null,
    partTime: enrolment?.partTime ?? false,
    attendanceThisYear: attendance && {
      academicYear: attendance.academicYear,
      sessionsPossible: attendance.sessionsPossible,
      attendancePercent: Math.round((1 - attendance.absenceRate) * 1000) / 10,
      persistentAbsence: attendance.persistentAbsence,
      severeAbsence: attendance.severeAbsence,
    },
    exclusionsLast12Months: exclusionsLast12Months(pupil.exclusions, on)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .map(({ startDate, category, sessions, reasons }) => ({ startDate, category, sessions, reasons })),
    senProvision: pupil.sen?.provision ?? 'N',
    electiveHomeEducation: homeEducation && {
      current: activeHomeEducation(pupil, on) !== null,
      notifiedDate: homeEducation.notifiedDate,
      previousSchoolUrn: homeEducation.previousSchoolUrn,
      laVisitDate: homeEducation.laVisitDate,
      suitabilityOutcome: homeEducation.suitabilityOutcome,
    },
    childMissingEducation: missing && {
      reportedDate: missing.reportedDate,
      reason: missing.reason,
      status: missing.status,
      closedDate: missing.closedDate,
    },
    operationEncompass: { notificationsLast12Months: encompass.length, latestReceivedOn: encompass.at(-1) ?? null },
  };
}
