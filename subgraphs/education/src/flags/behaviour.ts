import type { PupilRecord } from '../records/pupil-record';
import { currentEnrolment, exclusionsLast12Months } from '../records/pupil-status';
import { EXCLUSION_REASONS } from '../entities/code-lists';
import { amber, plural, type EducationFlag } from './flag';

export const REPEATED_SUSPENSIONS = 2;

export function permanentExclusionFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const permanent = exclusionsLast12Months(pupil.exclusions, on).find((x) => x.category === 'PERM');
  if (!permanent) return null;
  const reason = EXCLUSION_REASONS[permanent.reasons[0]].toLowerCase();
  return amber('PERMANENT_EXCLUSION', `Permanently excluded on ${permanent.startDate} (${reason}).`);
}

export function repeatedSuspensionsFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const suspensions = exclusionsLast12Months(pupil.exclusions, on).filter((x) => x.category === 'SUSP');
  if (suspensions.length < REPEATED_SUSPENSIONS) return null;
  const sessions = suspensions.reduce((sum, x) => sum + (x.sessions ?? 0), 0);
  const latest = suspensions.map((x) => x.startDate).sort().at(-1);
  return amber(
    'REPEATED_SUSPENSIONS',
    `${plural(suspensions.length, 'suspension')} in the last 12 months (${plural(sessions, 'session')} lost), latest on ${latest}.`,
  );
}

/** Part-time timetables should be short and agreed (DfE Working together to improve school attendance 2024). */
export function partTimeTimetableFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const enrolment = currentEnrolment(pupil, on);
  if (!enrolment?.partTime) return null;
  return amber('PART_TIME_TIMETABLE', `On a part-time timetable at ${enrolment.school.name}.`);
}
