import type { PupilRecord } from '../records/pupil-record';
import { attendanceThisAndLastTerm, attendanceThisYear } from '../records/pupil-status';
import { amber, type EducationFlag } from './flag';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/**
 * Persistent (>= 10%) or severe (>= 50%) absence in the academic year so far; severe replaces
 * persistent rather than adding to it, so one finding is not counted twice on the triage screen.
 */
export function absenceFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const figures = attendanceThisYear(pupil.attendance, on);
  if (!figures?.persistentAbsence) return null;
  const missed = `missed ${percent(figures.absenceRate)} of sessions in ${figures.academicYear} so far`;
  if (figures.severeAbsence) {
    return amber('SEVERE_ABSENCE', `Severely absent: ${missed}, at least half. Ask the school when the child was last seen.`);
  }
  return amber('PERSISTENT_ABSENCE', `Persistently absent: ${missed}.`);
}

/** A fall in attendance of this many percentage points from last term to this one is a sudden drop (DOMAIN 4.2). */
export const ATTENDANCE_DROP_POINTS = 20;

const termName = (term: { term: string; academicYear: string }) => `${term.term.toLowerCase()} term ${term.academicYear}`;

/** Attendance this term at least 20 points below last term's: something changed; the date is this term's first day. */
export function attendanceDropFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const terms = attendanceThisAndLastTerm(pupil.attendance, on);
  if (!terms) return null;
  const { thisTerm, lastTerm } = terms;
  const drop = Math.round((lastTerm.attendancePercent - thisTerm.attendancePercent) * 10) / 10;
  if (drop < ATTENDANCE_DROP_POINTS) return null;
  return amber(
    'ATTENDANCE_DROP',
    `Attendance fell from ${lastTerm.attendancePercent}% (${termName(lastTerm)}) to ${thisTerm.attendancePercent}% ` +
      `(${termName(thisTerm)} so far), down ${drop} points. Ask the school what changed.`,
    thisTerm.start,
  );
}
