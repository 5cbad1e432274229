import {
  batchBlockingKeys,
  matchBatch,
  recordBlockingKeys,
  selectCandidateIds,
  type CandidateTable,
  type Classification,
  type Gender,
  type MatchThresholds,
  type PersonFacts,
} from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { PupilRecord } from '../domain/pupil-record';
import type { Sex } from '../entities/code-lists';
import { loadPupils, type CandidatePupil } from './load-pupils';

/** `pupil.blocking_keys`, GIN-indexed (migration BlockingKeys). */
export const PUPIL_CANDIDATES: CandidateTable = { table: 'pupil', id: 'id', blockingKeys: 'blocking_keys' };

const GENDER_OF_SEX: Record<Sex, Gender> = { M: 'MALE', F: 'FEMALE' };

/** The columns matching reads. */
export type PupilIdentity = Pick<PupilRecord, 'givenName' | 'familyName' | 'preferredSurname' | 'dateOfBirth' | 'sex' | 'postcode' | 'upn'>;

/**
 * The facts a pupil can be matched on: the legal surname, and the preferred surname when the
 * school records one, because referrers usually give the name the family uses day to day.
 */
export function pupilFacts(pupil: PupilIdentity): PersonFacts[] {
  const legal: PersonFacts = {
    givenName: pupil.givenName,
    familyName: pupil.familyName,
    dateOfBirth: pupil.dateOfBirth,
    gender: pupil.sex ? GENDER_OF_SEX[pupil.sex] : null,
    postcode: pupil.postcode,
    upn: pupil.upn,
  };
  const preferred = pupil.preferredSurname;
  return preferred && preferred !== pupil.familyName ? [legal, { ...legal, familyName: preferred }] : [legal];
}

/** The `blocking_keys` of a pupil: under the legal and the preferred surname. */
export function pupilBlockingKeys(pupil: PupilIdentity): string[] {
  return recordBlockingKeys(pupilFacts(pupil));
}

/** Every subject's candidates in ONE indexed query, then their records in one more. */
export async function findCandidates(dataSource: DataSource, subjects: PersonFacts[]): Promise<CandidatePupil[]> {
  const ids = await selectCandidateIds(dataSource, PUPIL_CANDIDATES, batchBlockingKeys(subjects));
  return loadPupils(dataSource, ids);
}

/**
 * Each subject against the candidates sharing one of its own (stored) keys; a pupil scores as the
 * better of its surnames, since scoring them as separate candidates would make one pupil look like
 * two and report AMBIGUOUS.
 */
export function matchPupils(
  subjects: PersonFacts[],
  pupils: CandidatePupil[],
  thresholds: MatchThresholds,
): Classification<CandidatePupil>[] {
  return matchBatch(subjects, pupils, pupilFacts, thresholds, { keys: (pupil) => pupil.blockingKeys });
}
