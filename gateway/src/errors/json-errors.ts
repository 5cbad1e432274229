import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '@mash/shared';

/** The JSON body of a refusal the gateway answers itself, shaped like a GraphQL error response. */
function body(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * Answers a request whose body could not be read (malformed JSON, too large, an unsupported
 * charset) with a fixed JSON error: never an HTML page or a stack trace, and nothing of the body,
 * whose parser's message would quote it (people's names) in the answer and in the log.
 */
export function jsonBodyErrors(logger: Logger, maxBody: string): ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; type?: unknown; name?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const type = typeof error.type === 'string' ? error.type : (error.name ?? 'Error');
    logger.warn('request_rejected', { status, type });
    const message =
      status === 413
        ? `The request body is larger than the ${maxBody} this service accepts.`
        : status >= 500
          ? 'The request could not be read. Try again.'
          : 'The request body is not valid JSON (or not in UTF-8); send a JSON object with a "query" string.';
    res.status(status).type('application/json').set('cache-control', 'no-store').send(body(status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', message));
  };
}

/** Any path the gateway does not serve: a JSON 404 rather than Express's HTML page. */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).type('application/json').send(body('NOT_FOUND', 'Nothing here: the GraphQL API is at /graphql.'));
  };
}
