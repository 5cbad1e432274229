import type { ApolloServerOptions } from '@apollo/server';
import type { Logger } from '@mash/shared';

/**
 * Apollo Server's and Apollo Gateway's log lines through the service logger. Their messages can
 * quote a request ("Unexpected error processing request: ..."), so in production only the level
 * reaches the log; in development the message does, cut short.
 */
type ApolloLogger = NonNullable<ApolloServerOptions<object>['logger']>;

export function apolloLogger(logger: Logger, production: boolean): ApolloLogger {
  const line = (write: Logger['info']) => (message?: unknown) =>
    write('apollo', production ? {} : { message: String(message).slice(0, 300) });
  return { debug: () => {}, info: () => {}, warn: line(logger.warn), error: line(logger.error) };
}
