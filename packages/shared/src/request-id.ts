import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Logger } from './logger';

/**
 * One id per request, carried from the gateway to the agencies: the gateway makes it (and answers
 * it in this header, so a client can quote it), sends it with every agency fetch, and each agency
 * logs its lines for that fetch, and keeps its disclosure-log rows, under the same id.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What an agency accepts as a caller's id: short, plain, fits `disclosure_log.request_id` (64). */
const ACCEPTED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being served here, if any (the logger adds it to every line). */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** Runs `fn` as part of request `requestId`: its log lines carry that id. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return scope.run({ requestId }, fn);
}

/** A caller's id when it is one we can log and store safely; otherwise undefined. */
export function acceptedRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && ACCEPTED.test(value) ? value : undefined;
}

export interface RequestIdOptions {
  /**
   * Take the caller's `x-request-id` when it is well formed: agencies, whose caller is the gateway.
   * Default false, a fresh id for every request: the gateway, whose access log must hold its own ids.
   */
  trustHeader?: boolean;
  /** Writes one `request` line at debug level when the answer has been sent (status, time taken). */
  logger?: Logger;
}

/**
 * Express middleware: gives the request its id (`requestIdOf(res)`), answers it in `x-request-id`,
 * and runs the rest of the request in its scope, so every log line written for it carries the id.
 */
export function requestIdMiddleware(options: RequestIdOptions = {}): RequestHandler {
  return (req, res, next) => {
    const requestId = (options.trustHeader ? acceptedRequestId(req.get(REQUEST_ID_HEADER)) : undefined) ?? randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const { logger } = options;
    if (logger?.debug) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        logger.debug?.('request', { requestId, method: req.method, path: pathOf(req.baseUrl, req.path), status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000 });
      });
    }
    withRequestId(requestId, next);
  };
}

/** The route without its query string (a GET's query could quote anyone's details). */
function pathOf(base: string, rest: string): string {
  return rest === '/' && base ? base : base + rest;
}

/** The id `requestIdMiddleware` gave this request, or a fresh one where it did not run. */
export function requestIdOf(res: Response): string {
  const requestId = (res.locals as { requestId?: unknown }).requestId;
  return typeof requestId === 'string' ? requestId : randomUUID();
}
