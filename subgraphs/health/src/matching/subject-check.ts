import { validateIdentifier, type SubjectReference } from '@mash/shared';
import { GraphQLError } from 'graphql';

/**
 * An NHS number, when the hub gives one, must pass Modulus 11 (NHS Data Dictionary); a subject
 * that fails is answered with an error alone, and the rest of the batch is still matched.
 */
export function checkSubject(subject: SubjectReference): SubjectReference | GraphQLError {
  if (subject.nhsNumber) {
    const nhs = validateIdentifier('NHS_NUMBER', subject.nhsNumber);
    if (!nhs.ok) return new GraphQLError(`Subject ${subject.id}: ${nhs.reason}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return subject;
}
