import type { Request, RequestHandler, Response } from 'express';
import type { GrantClaims } from '../grant-claims';
import type { Logger } from '../logger';
import { DISCLOSURE_LOG_REVIEW } from './claims';
import { requestedRootFields, uncoveredSubjects } from './coverage';
import { GrantError } from './errors';
import type { GrantVerifier } from './verifier';

export interface GrantGuardOptions {
  verifier: GrantVerifier;
  /** Root field of the agency's disclosure-log query, answered only under a DISCLOSURE_LOG_REVIEW grant. */
  disclosureQueryName: string;
  /** Receives one `grant.refused` line per refusal: the reason and the grant id, nothing personal. */
  logger: Logger;
}

/**
 * The one answer to every refused request. It is the same bytes whatever failed, so a caller
 * cannot probe which check it tripped (ARCHITECTURE.md: an agency without a valid grant "reveals
 * nothing, `_service` and `_entities` included").
 */
export const GRANT_REQUIRED_BODY = JSON.stringify({
  errors: [{ message: 'A valid grant from the MASH gateway is required', extensions: { code: 'UNAUTHENTICATED' } }],
});

/** `res.locals` after the guard let a request through. */
export interface GrantLocals {
  grant: GrantClaims;
}

/** The bearer token of `Authorization`, or undefined. */
export function grantFromHeader(authorization: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9_.~+/=-]+) *$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Express middleware for an agency's `/graphql`, after `express.json()` and before Apollo. Lets a
 * request through only with a valid grant for this agency and only for what the grant opens:
 * `_entities` for covered subjects, or the disclosure-log query under a DISCLOSURE_LOG_REVIEW
 * grant. Everything else, `_service` and introspection included, gets 401: the supergraph is
 * composed from committed SDL, so nobody needs this agency to describe itself at run time.
 */
export function grantGuard(options: GrantGuardOptions): RequestHandler {
  return async (req, res, next) => {
    let grantId: string | undefined;
    try {
      // The gateway only POSTs; a GET query string would be a second, unchecked way in.
      if (req.method !== 'POST') throw new GrantError('request');
      const token = grantFromHeader(req.get('authorization'));
      if (!token) throw new GrantError('missing');
      const grant = await options.verifier.verify(token);
      grantId = grant.grantId;
      authorise(grant, req, options.disclosureQueryName);
      (res.locals as Partial<GrantLocals>).grant = grant;
      next();
    } catch (error) {
      refuse(res, options.logger, req, error instanceof GrantError ? error : new GrantError('invalid', grantId, { cause: error }), grantId);
    }
  };
}

function authorise(grant: GrantClaims, req: Request, disclosureQueryName: string): void {
  const fields = requestedRootFields(req.body);
  if (!fields || fields.length === 0) throw new GrantError('request', grant.grantId);
  const reviewing = grant.purpose === DISCLOSURE_LOG_REVIEW;
  const allowed = reviewing ? disclosureQueryName : '_entities';
  if (fields.some((field) => field !== allowed)) throw new GrantError('scope', grant.grantId);
  if (!reviewing && uncoveredSubjects(grant, req.body).length > 0) throw new GrantError('uncovered', grant.grantId);
}

function refuse(res: Response, logger: Logger, req: Request, error: GrantError, grantId: string | undefined): void {
  // The reason and the grant id trace the refusal to the hub's audit entry; subject ids stay out.
  logger.warn('grant.refused', { reason: error.reason, grantId: error.grantId ?? grantId ?? null, method: req.method });
  res
    .status(401)
    .set({ 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' })
    .send(GRANT_REQUIRED_BODY);
}
