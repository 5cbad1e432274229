import type { GraphQLError } from 'graphql';
import { validateIdentifier, type IdentifierKind } from '../identifiers/validate';
import { isRealDate } from '../matching/dates';
import type { PersonFacts } from '../matching/types';
import { subjectFacts, type SubjectReference } from '../subject';
import { badSubject } from './errors';

const CHECKED: readonly (readonly ['nhsNumber' | 'upn' | 'pncId' | 'postcode', IdentifierKind])[] = [
  ['nhsNumber', 'NHS_NUMBER'],
  ['upn', 'UPN'],
  ['pncId', 'PNC_ID'],
  ['postcode', 'POSTCODE'],
];

/**
 * The subject's facts with identifiers normalised, or a BAD_USER_INPUT error naming the field to
 * correct. Every agency checks every identifier, including those it does not hold: a mistyped
 * number must neither silently match someone else nor be silently dropped. The error is per
 * subject, so one bad representation does not sink the rest of the batch.
 */
export function checkSubject(subject: SubjectReference): PersonFacts | GraphQLError {
  const facts = subjectFacts(subject);
  if (!facts.familyName?.trim()) return badSubject(subject.id, 'familyName is required to search agency records.');
  if (facts.dateOfBirth && !isRealDate(facts.dateOfBirth)) {
    return badSubject(subject.id, `dateOfBirth "${facts.dateOfBirth}" must be a real date written YYYY-MM-DD.`);
  }
  const checked: PersonFacts = { ...facts };
  for (const [field, kind] of CHECKED) {
    const raw = facts[field];
    if (raw === null || raw === undefined || raw.trim() === '') {
      checked[field] = null;
      continue;
    }
    const result = validateIdentifier(kind, raw);
    if (!result.ok) return badSubject(subject.id, `${field}: ${result.reason}`);
    checked[field] = result.value;
  }
  return checked;
}
