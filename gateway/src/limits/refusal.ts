import type { Logger } from '@mash/shared';
import type { AuditLog } from '../audit';
import { AuditDecision, AuditKind } from '../audit/audit-entry.entity';
import type { AuthenticatedUser } from '../auth/user';
import type { LimitName } from './armor';

export interface RefusalTarget {
  audit: AuditLog;
  logger: Logger;
}

/**
 * Records one refused request, once: a REQUEST_REFUSED entry in the access log (who, which limit,
 * the numbers) and one log line. Never the query or its variables. The refusal stands whether or
 * not it could be recorded.
 */
export async function recordRefusal(
  target: RefusalTarget,
  request: { requestId: string; user: AuthenticatedUser | null },
  limit: LimitName,
  reason: string,
): Promise<void> {
  target.logger.warn('request_refused', { requestId: request.requestId, limit, userId: request.user?.id ?? null });
  await target.audit
    .append({
      kind: AuditKind.REQUEST_REFUSED,
      decision: AuditDecision.DENIED,
      actorId: request.user?.id ?? null,
      actorRoles: request.user?.roles ?? [],
      organisation: request.user?.organisation ?? null,
      rule: limit,
      reason,
      requestId: request.requestId,
    })
    .catch((error: Error) => target.logger.error('audit_append_failed', { requestId: request.requestId, error: error.name }));
}
