import {
  classify,
  mergeBlockingKeys,
  scorePair,
  selectCandidateIds,
  type BlockingColumns,
  type Classification,
  type Gender,
  type MatchThresholds,
  type PairScore,
  type PersonFacts,
} from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { PupilRecord } from '../domain/pupil-record';
import type { Sex } from '../entities/code-lists';
import { loadPupils } from './load-pupils';

/** Education holds no NHS numbers or PNC IDs, so those branches are left out of the query. */
export const PUPIL_BLOCKING: BlockingColumns = {
  table: 'pupil',
  id: 'id',
  upn: 'upn',
  dateOfBirth: 'date_of_birth',
  postcode: 'postcode',
  familyNameYear: 'family_name_year',
};

const GENDER_OF_SEX: Record<Sex, Gender> = { M: 'MALE', F: 'FEMALE' };

/**
 * The facts a pupil can be matched on: the legal surname, and the preferred surname when the
 * school records one, because referrers usually give the name the family uses day to day.
 */
export function pupilFacts(pupil: PupilRecord): PersonFacts[] {
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

/** Every subject's candidates in ONE indexed query, then their records in one more. */
export async function findCandidates(dataSource: DataSource, subjects: PersonFacts[]): Promise<PupilRecord[]> {
  const ids = await selectCandidateIds(dataSource, PUPIL_BLOCKING, mergeBlockingKeys(subjects));
  return loadPupils(dataSource, ids);
}

/**
 * Like the shared `matchBatch`, but a pupil scores as the better of its surnames; scoring the
 * aliases as separate candidates would make one pupil look like two and report AMBIGUOUS.
 */
export function matchPupils(
  subjects: PersonFacts[],
  pupils: PupilRecord[],
  thresholds: MatchThresholds,
): Classification<PupilRecord>[] {
  const candidates = pupils.map((pupil) => ({ pupil, aliases: pupilFacts(pupil) }));
  return subjects.map((subject) =>
    classify(
      candidates.map(({ pupil, aliases }) => ({ record: pupil, score: best(aliases.map((facts) => scorePair(subject, facts))) })),
      thresholds,
    ),
  );
}

function best(scores: PairScore[]): PairScore {
  return scores.reduce((top, score) => (score.confidence > top.confidence ? score : top));
}
