import { isoDate, openOn, withinLast12Months } from '@mash/shared';
import { academicYearLabel, academicYearStart, previousTerm, termOn, type TermRef } from './calendar';
import type {
  AlternativeProvisionRecord, AttendanceRecord, CmeRecord, EheRecord, EnrolmentRecord, ExclusionRecord, FsmRecord, OperationEncompassRecord, PupilRecord,
} from './pupil-record';

/** Persistent absence: missing 10% or more of possible sessions (DfE, since 2015/16). */
export const PERSISTENT_ABSENCE_RATE = 0.1;
/** Severe absence: missing 50% or more of possible sessions. */
export const SEVERE_ABSENCE_RATE = 0.5;

/** The enrolment the pupil is on roll under on the date: a single or main registration first. */
export function currentEnrolment(pupil: PupilRecord, on: string): EnrolmentRecord | null {
  const current = pupil.enrolments.filter((e) => e.onRoll && openOn(e.entryDate, e.leavingDate, on));
  return current.find((e) => e.enrolStatus === 'C' || e.enrolStatus === 'M') ?? current[0] ?? null;
}

/** The item whose date is latest, or null for none. */
export function latest<T>(items: T[], date: (item: T) => string): T | null {
  return items.reduce<T | null>((top, item) => (top === null || date(item) > date(top) ? item : top), null);
}

/** The latest home education notice given by the date, ended or not. */
export function latestHomeEducation(pupil: PupilRecord, on: string): EheRecord | null {
  return latest(pupil.electiveHomeEducation.filter((h) => h.notifiedDate <= on), (h) => h.notifiedDate);
}

/** Home education notified and not ended by the date. */
export function activeHomeEducation(pupil: PupilRecord, on: string): EheRecord | null {
  const ehe = latestHomeEducation(pupil, on);
  return ehe && (ehe.endedDate === null || ehe.endedDate > on) ? ehe : null;
}

/** The latest CME episode reported by the date, open or closed. */
export function latestMissingEducation(pupil: PupilRecord, on: string): CmeRecord | null {
  return latest(pupil.childMissingEducation.filter((c) => c.reportedDate <= on), (c) => c.reportedDate);
}

export function isOpen(cme: CmeRecord, on: string): boolean {
  return cme.status === 'OPEN' || (cme.closedDate !== null && cme.closedDate > on);
}

export interface AttendanceSummaryFigures {
  academicYear: string;
  sessionsPossible: number;
  sessionsMissed: number;
  absenceRate: number;
  persistentAbsence: boolean;
  severeAbsence: boolean;
}

/** Attendance in the academic year containing the date, summed over terms and schools. */
export function attendanceThisYear(attendance: AttendanceRecord[], on: string): AttendanceSummaryFigures | null {
  const academicYear = academicYearLabel(academicYearStart(on));
  const terms = attendance.filter((a) => a.academicYear === academicYear);
  const sessionsPossible = terms.reduce((sum, a) => sum + a.sessionsPossible, 0);
  if (sessionsPossible === 0) return null;
  // Authorised and unauthorised absence both count towards persistent and severe absence.
  const sessionsMissed = terms.reduce((sum, a) => sum + a.sessionsAuthorised + a.sessionsUnauthorised, 0);
  const absenceRate = sessionsMissed / sessionsPossible;
  return {
    academicYear,
    sessionsPossible,
    sessionsMissed,
    absenceRate,
    persistentAbsence: absenceRate >= PERSISTENT_ABSENCE_RATE,
    severeAbsence: absenceRate >= SEVERE_ABSENCE_RATE,
  };
}

export function exclusionsLast12Months(exclusions: ExclusionRecord[], on: string): ExclusionRecord[] {
  return exclusions.filter((x) => withinLast12Months(x.startDate, on));
}

/**
 * The UTC days notifications were received in the 12 months up to the date, oldest first. A
 * timestamp in JSON carries the session's offset, so it is read as an instant, not sliced.
 */
export function encompassDaysLast12Months(notifications: OperationEncompassRecord[], on: string): string[] {
  return notifications.map((n) => isoDate(new Date(n.receivedAt))).filter((day) => withinLast12Months(day, on)).sort();
}

/** Fewer possible sessions than this in a term (under a week) say too little to compare terms. */
export const MIN_TERM_SESSIONS = 10;

/** Attendance in one term, summed over schools: percent of possible sessions attended. */
export interface TermAttendance extends TermRef {
  sessionsPossible: number;
  attendancePercent: number;
}

export function termAttendance(attendance: AttendanceRecord[], term: TermRef): TermAttendance | null {
  const rows = attendance.filter((a) => a.academicYear === term.academicYear && a.term === term.term);
  const sessionsPossible = rows.reduce((sum, a) => sum + a.sessionsPossible, 0);
  if (sessionsPossible < MIN_TERM_SESSIONS) return null;
  const missed = rows.reduce((sum, a) => sum + a.sessionsAuthorised + a.sessionsUnauthorised, 0);
  return { ...term, sessionsPossible, attendancePercent: Math.round((1 - missed / sessionsPossible) * 1000) / 10 };
}

/** This term's attendance (the term the date falls in) and last term's, where both have enough sessions. */
export function attendanceThisAndLastTerm(attendance: AttendanceRecord[], on: string): { thisTerm: TermAttendance; lastTerm: TermAttendance } | null {
  const current = termOn(on);
  const thisTerm = termAttendance(attendance, current);
  const lastTerm = termAttendance(attendance, previousTerm(current));
  return thisTerm && lastTerm ? { thisTerm, lastTerm } : null;
}

/**
 * In-year school moves: single or main registrations begun in the 12 months to the date other than
 * at the normal September entry (any September start counts as normal), oldest first.
 */
export function inYearMovesLast12Months(pupil: PupilRecord, on: string): EnrolmentRecord[] {
  return pupil.enrolments
    .filter((e) => (e.enrolStatus === 'C' || e.enrolStatus === 'M') && withinLast12Months(e.entryDate, on) && e.entryDate.slice(5, 7) !== '09')
    .sort((a, b) => a.entryDate.localeCompare(b.entryDate));
}

/** The alternative provision placement open on the date (the latest begun, if several). */
export function currentAlternativeProvision(pupil: PupilRecord, on: string): AlternativeProvisionRecord | null {
  return latest(pupil.alternativeProvision.filter((ap) => openOn(ap.startDate, ap.endDate, on)), (ap) => ap.startDate);
}

/** The free school meals eligibility period open on the date. */
export function currentFreeSchoolMeals(pupil: PupilRecord, on: string): FsmRecord | null {
  return latest(pupil.freeSchoolMeals.filter((f) => openOn(f.startDate, f.endDate, on)), (f) => f.startDate);
}
