import type { PupilRecord } from '../records/pupil-record';
import { currentAlternativeProvision, currentEnrolment, exclusionsLast12Months, inYearMovesLast12Months } from '../records/pupil-status';
import { AP_REASONS, EXCLUSION_REASONS } from '../entities/code-lists';
import { amber, plural, type EducationFlag } from './flag';

export const REPEATED_SUSPENSIONS = 2;

export function permanentExclusionFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const permanent = exclusionsLast12Months(pupil.exclusions, on).find((x) => x.category === 'PERM');
  if (!permanent) return null;
  const reason = EXCLUSION_REASONS[permanent.reasons[0]].toLowerCase();
  return amber('PERMANENT_EXCLUSION', `Permanently excluded on ${permanent.startDate} (${reason}).`, permanent.startDate);
}

export function repeatedSuspensionsFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const suspensions = exclusionsLast12Months(pupil.exclusions, on).filter((x) => x.category === 'SUSP');
  if (suspensions.length < REPEATED_SUSPENSIONS) return null;
  const sessions = suspensions.reduce((sum, x) => sum + (x.sessions ?? 0), 0);
  const latest = suspensions.map((x) => x.startDate).sort().at(-1) as string;
  return amber(
    'REPEATED_SUSPENSIONS',
    `${plural(suspensions.length, 'suspension')} in the last 12 months (${plural(sessions, 'session')} lost), latest on ${latest}.`,
    latest,
  );
}

/** Part-time timetables should be short and agreed (DfE Working together to improve school attendance 2024). */
export function partTimeTimetableFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const enrolment = currentEnrolment(pupil, on);
  if (!enrolment?.partTime) return null;
  return amber('PART_TIME_TIMETABLE', `On a part-time timetable at ${enrolment.school.name}.`);
}

/** Two or more in-year school moves in 12 months: a child moved on, or a family moving often (DOMAIN 4.2). */
export const REPEATED_IN_YEAR_MOVES = 2;

export function inYearSchoolMovesFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const moves = inYearMovesLast12Months(pupil, on);
  if (moves.length < REPEATED_IN_YEAR_MOVES) return null;
  const last = moves[moves.length - 1];
  return amber(
    'IN_YEAR_SCHOOL_MOVES',
    `${plural(moves.length, 'in-year school move')} in the last 12 months, latest to ${last.school.name} on ${last.entryDate}.`,
    last.entryDate,
  );
}

/** In alternative provision now (DOMAIN 4.2: an AP placement), with the census reason in words. */
export function alternativeProvisionFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const placement = currentAlternativeProvision(pupil, on);
  if (!placement) return null;
  return amber(
    'ALTERNATIVE_PROVISION',
    `In alternative provision at ${placement.provider} since ${placement.startDate} (${AP_REASONS[placement.apReason]}).`,
    placement.startDate,
  );
}
