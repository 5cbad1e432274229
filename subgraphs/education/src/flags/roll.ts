import { addMonths } from '@mash/shared';
import { isCompulsorySchoolAge } from '../records/calendar';
import type { PupilRecord } from '../records/pupil-record';
import { activeHomeEducation, currentEnrolment, isOpen, latest, latestMissingEducation } from '../records/pupil-status';
import type { CmeReason } from '../entities/code-lists';
import { amber, type EducationFlag } from './flag';

/** "Recently" notified home education (DOMAIN 4.2): within this many months of the date. */
export const RECENT_HOME_EDUCATION_MONTHS = 12;

const CME_REASON_WORDS: Record<CmeReason, string> = {
  NOT_STARTED: 'never started at a school',
  NOT_TRANSFERRED: 'did not arrive at the next school',
  EXCLUDED_NO_AP: 'excluded with no alternative provision',
  MOVED: 'moved away or address unknown',
  ARRIVED_FROM_ABROAD: 'arrived from abroad',
  EHE_UNSUITABLE: 'home education judged unsuitable',
};

/**
 * A child of compulsory school age on no roll and not home educated is missing education
 * (Education Act 1996 s436A). Home education judged unsuitable does not count as education
 * otherwise (s437 school attendance order route), so it does not suppress the flag.
 */
export function notOnSchoolRollFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  if (!isCompulsorySchoolAge(pupil.dateOfBirth, on) || currentEnrolment(pupil, on)) return null;
  const ehe = activeHomeEducation(pupil, on);
  if (ehe && ehe.suitabilityOutcome !== 'NOT_SUITABLE') return null;
  const cme = latestMissingEducation(pupil, on);
  const known =
    cme && isOpen(cme, on)
      ? `known to the local authority as missing education since ${cme.reportedDate} (${CME_REASON_WORDS[cme.reason]})`
      : 'not recorded as missing education: tell the CME officer';
  const situation = ehe
    ? 'Home education was judged unsuitable and the child is on no school roll'
    : 'Of compulsory school age and on no school roll';
  // The event behind it: the CME report, else the visit that found home education unsuitable, else leaving the last school.
  const left = latest(pupil.enrolments.filter((e) => e.leavingDate !== null && e.leavingDate <= on), (e) => e.leavingDate as string);
  const date = cme && isOpen(cme, on) ? cme.reportedDate : (ehe?.laVisitDate ?? left?.leavingDate ?? null);
  return amber('NOT_ON_SCHOOL_ROLL', `${situation}; ${known}.`, date);
}

/** The subject is not known to education at all: a finding in itself for a school-age child. */
export function notKnownSchoolAgeFlag(dateOfBirth: string | null | undefined, on: string): EducationFlag | null {
  if (!dateOfBirth || !isCompulsorySchoolAge(dateOfBirth, on)) return null;
  return amber(
    'NOT_ON_SCHOOL_ROLL',
    'Of compulsory school age by date of birth but not known to this authority: on no school roll here and not ' +
      'recorded as home educated or missing education. Check for a school in another area, then tell the CME officer.',
  );
}

/** Home education notified recently: a safeguarding question when it follows concerns at school. */
export function recentHomeEducationFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const ehe = activeHomeEducation(pupil, on);
  if (!ehe || ehe.notifiedDate <= addMonths(on, -RECENT_HOME_EDUCATION_MONTHS)) return null;
  const from = ehe.previousSchoolUrn ? ` after leaving school URN ${ehe.previousSchoolUrn}` : '';
  const visit = ehe.laVisitDate
    ? `LA visited on ${ehe.laVisitDate}; education judged ${ehe.suitabilityOutcome.toLowerCase().replace('_', ' ')}`
    : 'the LA has not yet visited';
  return amber('ELECTIVE_HOME_EDUCATION_RECENT', `Home education notified on ${ehe.notifiedDate}${from}; ${visit}.`, ehe.notifiedDate);
}

/**
 * Home educated now, notified longer ago than ELECTIVE_HOME_EDUCATION_RECENT covers: with it, every
 * child home educated on the date carries exactly one of the two codes.
 */
export function homeEducationFlag(pupil: PupilRecord, on: string): EducationFlag | null {
  const ehe = activeHomeEducation(pupil, on);
  if (!ehe || ehe.notifiedDate > addMonths(on, -RECENT_HOME_EDUCATION_MONTHS)) return null;
  const visit = ehe.laVisitDate
    ? `last LA visit on ${ehe.laVisitDate}; education judged ${ehe.suitabilityOutcome.toLowerCase().replace('_', ' ')}`
    : 'the LA has never visited';
  return amber('ELECTIVE_HOME_EDUCATION', `Home educated since ${ehe.notifiedDate}; ${visit}.`, ehe.notifiedDate);
}
