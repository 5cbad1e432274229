import { recordBlockingKeys, type Gender, type PersonFacts, type PersonTable } from '@mash/shared';
import type { Sex } from '../entities/code-lists';
import type { PupilCandidate } from './candidates';

const GENDER_OF_SEX: Record<Sex, Gender> = { M: 'MALE', F: 'FEMALE' };

/** The columns matching reads (the candidate query's, and what the seeds and migrations key on). */
export type PupilIdentity = Pick<PupilCandidate, 'givenName' | 'familyName' | 'preferredSurname' | 'dateOfBirth' | 'sex' | 'postcode' | 'upn'>;

/**
 * The facts a pupil can be matched on: the legal surname, and the preferred surname when the
 * school records one, because referrers usually give the name the family uses day to day. The
 * pipeline scores a pupil as the better of the two, so one pupil never looks like two (AMBIGUOUS).
 */
export function pupilIdentities(pupil: PupilIdentity): PersonFacts[] {
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
  return recordBlockingKeys(pupilIdentities(pupil));
}

/** The person table as the blocking-key migrations read it: the facts `pupilBlockingKeys` needs, a page at a time. */
export const PUPILS_TABLE: PersonTable<PupilIdentity & { id: string }> = {
  table: 'pupil',
  id: 'id',
  idType: 'uuid',
  factsPage: `
SELECT id, given_name AS "givenName", family_name AS "familyName", preferred_surname AS "preferredSurname",
  to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", sex, postcode, upn
FROM pupil
WHERE $1::uuid IS NULL OR id > $1::uuid
ORDER BY id
LIMIT $2`,
  keys: pupilBlockingKeys,
};
