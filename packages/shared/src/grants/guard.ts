import type { TLSSocket } from 'node:tls';
import type { Span } from '@opentelemetry/api';
import type { Request, RequestHandler, Response } from 'express';
import type { GrantClaims } from '../grant-claims';
import type { Logger } from '../logger';
import { DISCLOSURE_LOG_REVIEW } from './claims';
import { requestedRootFields, unboundSubjects, uncoveredSubjects } from './coverage';
import { GrantError } from './errors';
import { PendingClaim } from './pending-claim';
import { memoryReplayCache, type GrantReplayCache } from './replay-cache';
import type { GrantVerifier } from './verifier';
import { currentRequestId } from '../request-id';
import { inSpan, MashAttributes } from '../telemetry/spans';

export interface GrantGuardOptions {
  verifier: GrantVerifier;
  /**
   * Where used grant ids are remembered, so each grant is answered once: an agency passes
   * `databaseReplayCache` (shared by all its processes). Default: this guard's own memory.
   */
  replay?: GrantReplayCache;
  /**
   * Refuse any request that did not arrive over TLS. Set when the agency listens with TLS, so the
   * app mounted on a plain listener by mistake still answers nothing. Default false.
   */
  requireTls?: boolean;
  /**
   * Leave the grant unclaimed when letting the request through: a `PendingClaim` in `res.locals`
   * is claimed by the request's first disclosure-log write, in the same transaction, and the
   * handler answers only after `settleDeferredClaim`. Use with a `databaseReplayCache` on the
   * database the disclosure log is written to (the same `grant_use` table). Default false: the
   * guard claims the grant before letting the request through.
   */
  deferClaim?: boolean;
  /** Root field of the agency's disclosure-log query, answered only under a DISCLOSURE_LOG_REVIEW grant. */
  disclosureQueryName: string;
  /** Receives one `grant.refused` line per refusal: the reason and the grant id, nothing personal. */
  logger: Logger;
  /** Told of each request let through and each refusal by reason (the agency's metrics). */
  observer?: GrantGuardObserver;
}

/** What the guard decided, for counting: `refused` gets a `GrantFailureReason` or `unrecorded`. */
export interface GrantGuardObserver {
  accepted(): void;
  refused(reason: string): void;
}

/**
 * The one answer to every refused request. It is the same bytes whatever failed, so a caller
 * cannot probe which check it tripped (ARCHITECTURE.md: an agency without a valid grant "reveals
 * nothing, `_service` and `_entities` included").
 */
export const GRANT_REQUIRED_BODY = JSON.stringify({
  errors: [{ message: 'A valid grant from the MASH gateway is required', extensions: { code: 'UNAUTHENTICATED' } }],
});

/**
 * The answer when a valid grant could not be recorded as used (the agency's database failed):
 * nothing is answered unrecorded, and the gateway reports the agency as unavailable.
 */
export const GRANT_UNRECORDED_BODY = JSON.stringify({
  errors: [{ message: 'The agency could not record the grant and answered nothing; try again shortly', extensions: { code: 'AGENCY_UNAVAILABLE' } }],
});

/** `res.locals` after the guard let a request through. */
export interface GrantLocals {
  grant: GrantClaims;
  /** With `deferClaim`: the grant's single use, still to be made (see `settleDeferredClaim`). */
  claim?: PendingClaim;
}

/** The bearer token of `Authorization`, or undefined. */
export function grantFromHeader(authorization: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9_.~+/=-]+) *$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Express middleware for an agency's `/graphql`, after `express.json()` and before Apollo. Lets a
 * request through only with a valid grant for this agency and only for what the grant opens:
 * `_entities` for covered subjects, each representation exactly as the grant digests it, or the
 * disclosure-log query under a DISCLOSURE_LOG_REVIEW grant; and only once per grant. Everything
 * else, `_service` and introspection included, gets 401: the supergraph is composed from
 * committed SDL, so nobody needs this agency to describe itself at run time.
 */
export function grantGuard(guardOptions: GrantGuardOptions): RequestHandler {
  const options = { ...guardOptions, replay: guardOptions.replay ?? memoryReplayCache() };
  return async (req, res, next) => {
    // The check in a span of its own, ended before the request goes on: answering is not part of it.
    if (await inSpan('mash.grant.check', { [MashAttributes.requestId]: currentRequestId() ?? '' }, (span) => checkGrant(options, req, res, span))) next();
  };
}

/** True when the request may go on (its grant in `res.locals`); otherwise the refusal is answered. */
async function checkGrant(options: GrantGuardOptions & { replay: GrantReplayCache }, req: Request, res: Response, span: Span): Promise<boolean> {
  let grantId: string | undefined;
  try {
    // The gateway only POSTs; a GET query string would be a second, unchecked way in.
    if (req.method !== 'POST') throw new GrantError('request');
    if (options.requireTls && !(req.socket as TLSSocket).encrypted) throw new GrantError('insecure');
    const token = grantFromHeader(req.get('authorization'));
    if (!token) throw new GrantError('missing');
    const grant = await options.verifier.verify(token);
    grantId = grant.grantId;
    authorise(grant, req, options.disclosureQueryName);
    if (options.deferClaim) {
      (res.locals as Partial<GrantLocals>).claim = new PendingClaim(grant, options.replay);
    } else {
      // Last, so only a request that would be answered uses the grant up.
      if (!(await claimed(options, grant))) throw new GrantError('replayed', grant.grantId);
      options.observer?.accepted();
    }
    (res.locals as Partial<GrantLocals>).grant = grant;
    span.setAttributes({ [MashAttributes.agency]: grant.agency, [MashAttributes.grantId]: grant.grantId, [MashAttributes.outcome]: 'accepted' });
    return true;
  } catch (error) {
    if (error instanceof ReplayStoreError) {
      options.observer?.refused('unrecorded');
      span.setAttributes({ [MashAttributes.grantId]: grantId ?? '', [MashAttributes.outcome]: 'unrecorded' });
      unrecorded(res, options.logger, error, grantId);
      return false;
    }
    const refusal = error instanceof GrantError ? error : new GrantError('invalid', grantId, { cause: error });
    options.observer?.refused(refusal.reason);
    span.setAttributes({ [MashAttributes.grantId]: refusal.grantId ?? grantId ?? '', [MashAttributes.outcome]: refusal.reason });
    refuse(res, options.logger, req, refusal, grantId);
    return false;
  }
}

function authorise(grant: GrantClaims, req: Request, disclosureQueryName: string): void {
  const fields = requestedRootFields(req.body);
  if (!fields || fields.length === 0) throw new GrantError('request', grant.grantId);
  const reviewing = grant.purpose === DISCLOSURE_LOG_REVIEW;
  const allowed = reviewing ? disclosureQueryName : '_entities';
  if (fields.some((field) => field !== allowed)) throw new GrantError('scope', grant.grantId);
  if (reviewing) return;
  if (uncoveredSubjects(grant, req.body).length > 0) throw new GrantError('uncovered', grant.grantId);
  if (unboundSubjects(grant, req.body).length > 0) throw new GrantError('unbound', grant.grantId);
}

/** A failure of the replay cache itself, not of the grant. */
class ReplayStoreError extends Error {
  override name = 'ReplayStoreError';
}

async function claimed(options: GrantGuardOptions & { replay: GrantReplayCache }, grant: GrantClaims): Promise<boolean> {
  try {
    return await options.replay.claim(grant.grantId, grant.expiresAt);
  } catch (error) {
    throw new ReplayStoreError('the grant could not be recorded as used', { cause: error });
  }
}

/**
 * With `deferClaim`, after the request was executed and before its answer is sent: makes sure its
 * grant is used up by this request (`PendingClaim.settle`). True when the answer may be sent;
 * otherwise the guard's refusal has been sent instead (401 for a grant used before, 503 when the
 * use could not be recorded) and the answer must be dropped. True when the guard claimed already.
 */
export async function settleDeferredClaim(req: Request, res: Response, options: Pick<GrantGuardOptions, 'logger' | 'observer'>): Promise<boolean> {
  const claim = (res.locals as Partial<GrantLocals>).claim;
  if (!claim) return true;
  const { grantId } = claim.grant;
  let used: boolean;
  try {
    used = await claim.settle();
  } catch (error) {
    options.observer?.refused('unrecorded');
    unrecorded(res, options.logger, new ReplayStoreError('the grant could not be recorded as used', { cause: error }), grantId);
    return false;
  }
  if (used) {
    options.observer?.accepted();
    return true;
  }
  options.observer?.refused('replayed');
  refuse(res, options.logger, req, new GrantError('replayed', grantId), grantId);
  return false;
}

function unrecorded(res: Response, logger: Logger, error: ReplayStoreError, grantId: string | undefined): void {
  const cause = error.cause as { name?: string; code?: string } | undefined;
  logger.error('grant.unrecorded', { grantId: grantId ?? null, error: cause?.name ?? 'unknown', sqlState: cause?.code ?? null });
  res.status(503).set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).send(GRANT_UNRECORDED_BODY);
}

function refuse(res: Response, logger: Logger, req: Request, error: GrantError, grantId: string | undefined): void {
  // The reason and the grant id trace the refusal to the hub's audit entry; subject ids stay out.
  logger.warn('grant.refused', { reason: error.reason, grantId: error.grantId ?? grantId ?? null, method: req.method });
  res
    .status(401)
    .set({ 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' })
    .send(GRANT_REQUIRED_BODY);
}
