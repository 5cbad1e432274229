import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '@mash/shared';

/** Codes whose messages are written for the client: they say what was wrong and what to do. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'ISA_DENIED', 'AGENCY_UNAVAILABLE', 'BAD_USER_INPUT', 'BAD_REQUEST', 'RATE_LIMITED', 'OVERLOADED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const UNEXPECTED = 'Something went wrong on our side and this part of the answer is missing. It has been logged; try again, and tell support if it keeps happening.';

/**
 * Apollo's `formatError` for the gateway. A request-limit refusal keeps BAD_USER_INPUT (Apollo
 * relabels validation errors). In production, an error the client was not meant to read (a
 * database or programming error, whose message may quote what the request held) becomes a plain
 * INTERNAL_SERVER_ERROR; its name is logged, not its message. Stack traces are never sent.
 */
export function formatGatewayError(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.exception;
    if (extensions.limit) extensions.code = extensions.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
    if (CLIENT_CODES.has(code)) return { ...formatted, extensions };
    const cause = rootCause(error);
    options.logger.error('unexpected_error', { error: cause?.name ?? 'unknown', code, sqlState: typeof cause?.code === 'string' ? cause.code : null });
    if (!options.production) return { ...formatted, extensions };
    return { message: UNEXPECTED, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** The error underneath GraphQL's wrappers (a database or programming error), for its name and code. */
function rootCause(error: unknown): { name?: string; code?: unknown } {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return (cause ?? {}) as { name?: string; code?: unknown };
}
