import type { Gender, PersonFacts } from '@mash/shared';
import type { GenderCode } from '../codes/children';
import type { Person } from '../entities/person.entity';

/** CIN GenderCurrent to the hub's genders: 0 not recorded (or unborn) is UNKNOWN, 9 indeterminate OTHER. */
export const GENDER_FROM_CODE: Record<GenderCode, Gender> = { 0: 'UNKNOWN', 1: 'MALE', 2: 'FEMALE', 9: 'OTHER' };

/** What the matcher compares; an unborn child is matched on the expected date of birth. */
export function personFacts(person: Person): PersonFacts {
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
