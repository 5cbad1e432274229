import type { PupilRecord } from '../records/pupil-record';
import { attendanceThisYear } from '../records/pupil-status';
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
