import { GraphQLError } from 'graphql';

/**
 * The answer to input the hub cannot take: `BAD_USER_INPUT`, naming the field and what is wrong
 * with it, never the value (whatever was typed there stays out of answers and logs). Its own
 * module, so that what checks an argument does not load the case register with it.
 */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid input. ${field}: ${message}.`, { extensions: { code: 'BAD_USER_INPUT', field } });
}
