import type { FlagInput, PersonFacts } from '@mash/shared';
import { disclosable } from '../records/record';
import type { PupilRecord } from '../records/pupil-record';
import type { EducationRecord } from '../types/education-record.type';
import { absenceFlag, attendanceDropFlag } from './attendance';
import {
  alternativeProvisionFlag, inYearSchoolMovesFlag, partTimeTimetableFlag, permanentExclusionFlag, repeatedSuspensionsFlag,
} from './behaviour';
import type { EducationFlag } from './flag';
import { homeEducationFlag, notKnownSchoolAgeFlag, notOnSchoolRollFlag, recentHomeEducationFlag } from './roll';
import { freeSchoolMealsFlag, operationEncompassFlag, senFlag, temporaryUpnFlag } from './vulnerability';

export type { EducationFlag, EducationFlagCode } from './flag';

const isFlag = (flag: EducationFlag | null): flag is EducationFlag => flag !== null;

/**
 * The adapter's flags: a matched pupil's findings from what the grant lets education disclose, or
 * for a subject not known here, what their own facts make certain.
 */
export function educationFlags({ status, subject, record, context }: FlagInput<PupilRecord, EducationRecord>): EducationFlag[] {
  if (status === 'MATCHED' && record) return matchedFlags(disclosable(record, context.disclose), context.asOf);
  return notKnownFlags(subject, context.asOf);
}

/** Findings for a subject matched to one pupil; AMBER concerns first, then GREEN context. */
export function matchedFlags(pupil: PupilRecord, on: string): EducationFlag[] {
  return [
    notOnSchoolRollFlag(pupil, on),
    recentHomeEducationFlag(pupil, on),
    homeEducationFlag(pupil, on),
    absenceFlag(pupil, on),
    attendanceDropFlag(pupil, on),
    permanentExclusionFlag(pupil, on),
    repeatedSuspensionsFlag(pupil, on),
    partTimeTimetableFlag(pupil, on),
    alternativeProvisionFlag(pupil, on),
    inYearSchoolMovesFlag(pupil, on),
    operationEncompassFlag(pupil, on),
    temporaryUpnFlag(pupil),
    senFlag(pupil),
    freeSchoolMealsFlag(pupil, on),
  ].filter(isFlag);
}

/** Not known to education: only what the subject's own facts make certain. */
export function notKnownFlags(subject: PersonFacts, on: string): EducationFlag[] {
  return [notKnownSchoolAgeFlag(subject.dateOfBirth, on)].filter(isFlag);
}
