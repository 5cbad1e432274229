import { GraphQLError } from 'graphql';
import { SubjectReference } from '@mash/shared';
import { checkedFacts } from '../subject-facts';

const subject = (fields: Partial<SubjectReference>) =>
  Object.assign(new SubjectReference(), { id: 's1', familyName: 'Walsh', givenName: 'Dean', dateOfBirth: '1990-03-04', ...fields });

describe('checkedFacts', () => {
  it('normalises identifiers', () => {
    expect(checkedFacts(subject({ nhsNumber: '999 000 0018', pncId: '79/163001B', upn: ' ' }))).toMatchObject({
      nhsNumber: '9990000018',
      pncId: '1979/0163001B',
      upn: null,
    });
  });

  it.each([
    [{ nhsNumber: '9876544321' }, /Modulus 11/],
    [{ pncId: '20030011985Z' }, /check character/],
    [{ dateOfBirth: '2015-02-30' }, /dateOfBirth must be a real date/],
    [{ familyName: ' ' }, /familyName is required/],
  ])('rejects %j with BAD_USER_INPUT', (fields, message) => {
    const result = checkedFacts(subject(fields));
    expect(result).toBeInstanceOf(GraphQLError);
    expect((result as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((result as GraphQLError).message).toMatch(message);
  });
});
