import { GraphQLError } from 'graphql';

/**
 * BAD_USER_INPUT naming the argument (`extensions.argument`), with a message that says what to
 * send instead. Values a reader typed are never echoed: they may be a person's identifiers.
 */
export function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
