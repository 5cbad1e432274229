import { identityUnresolvedFlag, type PersonFacts } from '@mash/shared';
import type { PupilRecord } from '../domain/pupil-record';
import { absenceFlag } from './attendance.flags';
import { permanentExclusionFlag, partTimeTimetableFlag, repeatedSuspensionsFlag } from './behaviour.flags';
import type { EducationFlag } from './flag';
import { notKnownSchoolAgeFlag, notOnSchoolRollFlag, recentHomeEducationFlag } from './roll.flags';
import { operationEncompassFlag, senFlag, temporaryUpnFlag } from './vulnerability.flags';

export type { EducationFlag, EducationFlagCode } from './flag';

const isFlag = (flag: EducationFlag | null): flag is EducationFlag => flag !== null;

/** Findings for a subject matched to one pupil; AMBER concerns first, then GREEN context. */
export function matchedFlags(pupil: PupilRecord, on: string): EducationFlag[] {
  return [
    notOnSchoolRollFlag(pupil, on),
    recentHomeEducationFlag(pupil, on),
    absenceFlag(pupil, on),
    permanentExclusionFlag(pupil, on),
    repeatedSuspensionsFlag(pupil, on),
    partTimeTimetableFlag(pupil, on),
    operationEncompassFlag(pupil, on),
    temporaryUpnFlag(pupil),
    senFlag(pupil),
  ].filter(isFlag);
}

/** Not known to education: only what the subject's own facts make certain. */
export function notKnownFlags(subject: PersonFacts, on: string): EducationFlag[] {
  return [notKnownSchoolAgeFlag(subject.dateOfBirth, on)].filter(isFlag);
}

/** Several possible pupils: nothing about any of them is certain enough to flag. */
export function ambiguousFlags(candidates: number): EducationFlag[] {
  return [identityUnresolvedFlag('pupil records', candidates) as EducationFlag];
}
