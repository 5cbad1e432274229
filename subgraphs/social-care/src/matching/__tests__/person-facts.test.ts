import { GenderValue, SubjectReference } from '@mash/shared';
import { GraphQLError } from 'graphql';
import { GENDER_FROM_CODE } from '../person-facts';
import { checkedSubjectFacts } from '../subject-facts';

const subject = (fields: Partial<SubjectReference>) =>
  Object.assign(new SubjectReference(), { id: 'S1', familyName: 'Okafor', givenName: 'Amara', dateOfBirth: '2014-03-02', ...fields });

describe('checkedSubjectFacts', () => {
  it('normalises identifiers and ignores PNC IDs, which social care does not hold', () => {
    const facts = checkedSubjectFacts(subject({ nhsNumber: '999 000 0018', upn: 'g937200124001', postcode: 'cv344rl', pncId: 'junk', gender: GenderValue.FEMALE }));
    expect(facts).toMatchObject({ nhsNumber: '9990000018', upn: 'G937200124001', postcode: 'CV34 4RL', pncId: null, gender: 'FEMALE' });
  });

  it.each([
    [{ dateOfBirth: '2014-02-30' }, 'dateOfBirth'],
    [{ nhsNumber: '9876544321' }, 'Modulus 11'],
    [{ upn: 'A937200124001' }, 'check letter'],
    [{ familyName: ' ' }, 'familyName'],
  ])('answers BAD_USER_INPUT for %j', (fields, message) => {
    const result = checkedSubjectFacts(subject(fields));
    expect(result).toBeInstanceOf(GraphQLError);
    expect((result as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((result as GraphQLError).message).toContain(message);
  });
});

describe('GenderCurrent', () => {
  it('maps the CIN codes onto the hub genders', () => {
    expect(GENDER_FROM_CODE).toEqual({ 0: 'UNKNOWN', 1: 'MALE', 2: 'FEMALE', 9: 'OTHER' });
  });
});
