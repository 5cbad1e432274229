import { DEFAULT_THRESHOLDS, matchBatch, type PersonFacts } from '@mash/shared';
import { candidate } from '../../__tests__/fixtures';
import type { PersonCandidate } from '../candidates';
import { GENDER_CODE, GENDER_FROM_CODE, personBlockingKeys, personIdentities } from '../person-facts';

const keyed = (fields: Partial<PersonCandidate>): PersonCandidate => {
  const record = candidate(fields);
  return { ...record, blockingKeys: personBlockingKeys(record) };
};

const match = (subjects: PersonFacts[], candidates: PersonCandidate[]) =>
  matchBatch(subjects, candidates, personIdentities, DEFAULT_THRESHOLDS, { keys: (person) => person.blockingKeys });

const subject: PersonFacts = {
  givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '2014-03-02', gender: 'FEMALE', postcode: 'CV34 4RL', nhsNumber: null, upn: null, pncId: null,
};

describe('GenderCurrent', () => {
  it('maps the CIN codes onto the hub genders and back', () => {
    expect(GENDER_FROM_CODE).toEqual({ 0: 'UNKNOWN', 1: 'MALE', 2: 'FEMALE', 9: 'OTHER' });
    for (const [code, gender] of Object.entries(GENDER_FROM_CODE)) expect(GENDER_CODE[gender]).toBe(Number(code));
  });
});

describe('matching people', () => {
  it('matches an unborn child on the expected date of birth, under keys made from it', () => {
    const unborn = keyed({ givenName: 'Baby', dateOfBirth: null, expectedDateOfBirth: '2027-01-15', genderCode: 0 });
    expect(personIdentities(unborn)[0].dateOfBirth).toBe('2027-01-15');
    expect(unborn.blockingKeys.some((key) => key.includes('2027'))).toBe(true);
    const [result] = match([{ ...subject, givenName: 'Baby', dateOfBirth: '2027-01-15', gender: 'UNKNOWN' }], [unborn]);
    expect(result.status).toBe('MATCHED');
    expect(result.matches[0].score.matchedOn).toContain('DATE_OF_BIRTH');
  });

  it('matches on identifiers, whatever PNC ID the subject carries (social care holds none)', () => {
    const known = keyed({ nhsNumber: '9990000018', upn: 'G937200124001' });
    const [result] = match([{ ...subject, nhsNumber: '9990000018', upn: 'G937200124001', pncId: '2019/0123456E' }], [known]);
    expect(result.status).toBe('MATCHED');
    expect(result.matches[0].score.matchedOn).toEqual(expect.arrayContaining(['NHS_NUMBER', 'UPN']));
  });

  it('scores a subject only against candidates sharing one of its stored keys', () => {
    const [result] = match([subject], [{ ...keyed({}), blockingKeys: [] }]);
    expect(result.status).toBe('NOT_KNOWN');
  });
});
