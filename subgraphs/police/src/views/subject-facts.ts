import { GraphQLError } from 'graphql';
import { subjectFacts, validateIdentifier, type IdentifierKind, type PersonFacts, type SubjectReference } from '@mash/shared';

const IDENTIFIERS: ['nhsNumber' | 'upn' | 'pncId', IdentifierKind][] = [
  ['nhsNumber', 'NHS_NUMBER'],
  ['upn', 'UPN'],
  ['pncId', 'PNC_ID'],
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * The subject's facts with identifiers normalised, or a BAD_USER_INPUT error saying which field
 * is wrong and how. A mistyped identifier must not silently match someone else, nor be dropped.
 */
export function checkedFacts(subject: SubjectReference): PersonFacts | GraphQLError {
  const facts = subjectFacts(subject);
  if (!facts.familyName?.trim()) return badInput(`Subject ${subject.id}: familyName is required to search police records.`);
  const dob = facts.dateOfBirth;
  if (dob && (!ISO_DATE.test(dob) || new Date(`${dob}T00:00:00Z`).toISOString().slice(0, 10) !== dob)) {
    return badInput(`Subject ${subject.id}: dateOfBirth must be a real date written YYYY-MM-DD.`);
  }
  const normalised: PersonFacts = { ...facts };
  for (const [field, kind] of IDENTIFIERS) {
    const raw = facts[field];
    if (raw === null || raw === undefined || raw.trim() === '') {
      normalised[field] = null;
      continue;
    }
    const result = validateIdentifier(kind, raw);
    if (!result.ok) return badInput(`Subject ${subject.id}: ${result.reason}`);
    normalised[field] = result.value;
  }
  return normalised;
}
