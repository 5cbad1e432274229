import { GraphQLError } from 'graphql';

/** A subject the agency cannot search as given: the message names the field and what to do. */
export function badSubject(subjectId: string, problem: string): GraphQLError {
  return new GraphQLError(`Subject ${subjectId}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', subjectId } });
}

/** The agency could not answer (its database failed); says so in plain words, never why in detail. */
export function agencyUnavailable(recordsNoun: string): GraphQLError {
  return new GraphQLError(`The ${recordsNoun} could not be searched just now; try again shortly.`, {
    extensions: { code: 'AGENCY_UNAVAILABLE' },
  });
}
