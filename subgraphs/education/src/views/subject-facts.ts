import { isValidUpn, normaliseUpn, subjectFacts, type PersonFacts, type SubjectReference } from '@mash/shared';
import { GraphQLError } from 'graphql';
import { formatDate, parseDate } from '../domain/calendar';

/**
 * The facts education matches a subject on, or a BAD_USER_INPUT error naming the field to fix.
 * An error is per subject, so one malformed representation does not sink the rest of the batch.
 */
export function educationFacts(subject: SubjectReference): PersonFacts | GraphQLError {
  const facts = subjectFacts(subject);
  if (facts.dateOfBirth && !isIsoDate(facts.dateOfBirth)) {
    return badInput(subject, `dateOfBirth "${facts.dateOfBirth}" is not a date as YYYY-MM-DD`);
  }
  if (facts.upn) {
    const upn = normaliseUpn(facts.upn);
    if (!isValidUpn(upn)) {
      return badInput(subject, `upn "${facts.upn}" is not a valid Unique Pupil Number; correct it or leave it out`);
    }
    facts.upn = upn;
  }
  return facts;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parseDate(value).getTime()) && formatDate(parseDate(value)) === value;
}

function badInput(subject: SubjectReference, problem: string): GraphQLError {
  return new GraphQLError(`Subject ${subject.id}: ${problem}.`, { extensions: { code: 'BAD_USER_INPUT' } });
}
