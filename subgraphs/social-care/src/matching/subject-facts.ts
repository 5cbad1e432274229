import { isRealDate, subjectFacts, validateIdentifier, type IdentifierKind, type PersonFacts, type SubjectReference } from '@mash/shared';
import { GraphQLError } from 'graphql';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function normalised(kind: IdentifierKind, field: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const result = validateIdentifier(kind, raw);
  if (!result.ok) throw badInput(`Subject ${field}: ${result.reason}`);
  return result.value;
}

/**
 * The subject's facts with identifiers normalised, or a BAD_USER_INPUT error saying which field
 * to correct on the referral. Social care holds no PNC IDs, so a PNC ID is neither used nor checked.
 */
export function checkedSubjectFacts(subject: SubjectReference): PersonFacts | GraphQLError {
  try {
    const facts = subjectFacts(subject);
    if (!facts.familyName?.trim()) throw badInput('Subject familyName is empty; social care cannot match without it.');
    if (facts.dateOfBirth && !isRealDate(facts.dateOfBirth)) {
      throw badInput(`Subject dateOfBirth "${facts.dateOfBirth}" is not a date in the form YYYY-MM-DD.`);
    }
    return {
      ...facts,
      nhsNumber: normalised('NHS_NUMBER', 'nhsNumber', facts.nhsNumber),
      upn: normalised('UPN', 'upn', facts.upn),
      postcode: normalised('POSTCODE', 'postcode', facts.postcode),
      pncId: null,
    };
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}
