import { recordBlockingKeys, type Gender, type PersonFacts, type PersonTable } from '@mash/shared';
import type { GenderCode } from '../entities/code-lists';
import type { Person } from '../entities/person.entity';

/** CIN GenderCurrent to the hub's genders: 0 not recorded (or unborn) is UNKNOWN, 9 indeterminate OTHER. */
export const GENDER_FROM_CODE: Record<GenderCode, Gender> = { 0: 'UNKNOWN', 1: 'MALE', 2: 'FEMALE', 9: 'OTHER' };

/** The hub's genders as CIN GenderCurrent. */
export const GENDER_CODE: Record<Gender, GenderCode> = { MALE: 1, FEMALE: 2, OTHER: 9, UNKNOWN: 0 };

/** The columns matching reads. */
export type PersonIdentity = Pick<
  Person, 'givenName' | 'familyName' | 'dateOfBirth' | 'expectedDateOfBirth' | 'genderCode' | 'postcode' | 'nhsNumber' | 'upn'
>;

/** What the matcher compares; an unborn child is matched on the expected date of birth. */
export function personFacts(person: PersonIdentity): PersonFacts {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth ?? person.expectedDateOfBirth,
    gender: GENDER_FROM_CODE[person.genderCode] ?? 'UNKNOWN',
    postcode: person.postcode,
    nhsNumber: person.nhsNumber,
    upn: person.upn,
    pncId: null,
  };
}

/** Social care records one name per person (no aliases), so a person has one identity. */
export function personIdentities(person: PersonIdentity): PersonFacts[] {
  return [personFacts(person)];
}

/** The `blocking_keys` of a person: from `personFacts` (an unborn child is keyed on the expected date). */
export function personBlockingKeys(person: PersonIdentity): string[] {
  return recordBlockingKeys(personFacts(person));
}

/** The person table as the blocking-key migrations read it: the facts `personBlockingKeys` needs, a page at a time. */
export const PEOPLE_TABLE: PersonTable<PersonIdentity & { id: string }> = {
  table: 'sc_person',
  id: 'person_id',
  idType: 'varchar',
  factsPage: `
SELECT person_id AS id, given_name AS "givenName", family_name AS "familyName",
  to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", to_char(expected_date_of_birth, 'YYYY-MM-DD') AS "expectedDateOfBirth",
  gender_code AS "genderCode", postcode, nhs_number AS "nhsNumber", upn
FROM sc_person
WHERE $1::varchar IS NULL OR person_id > $1::varchar
ORDER BY person_id
LIMIT $2`,
  keys: personBlockingKeys,
};
