import { AuditDecision, AuditKind, type AuditEntryInput } from '../audit';

/** Access-log rule names for the domestic-abuse screening queue (kind CASE_MUTATION). */
export const SCREENING_RULES = {
  receive: 'RECEIVE_DA_NOTIFICATION',
  screen: 'SCREEN_DA_NOTIFICATION',
} as const;

/** Who acted, as the access log records them. */
export interface ScreeningActor {
  userId: string;
  roles: readonly string[];
  organisation?: string | null;
  requestId?: string;
}

/**
 * One access-log entry about a notification. `caseId` holds the notification's id, so
 * `accessLog(caseId: <notification id>)` shows its whole trail (reads, screening, onward
 * notifications); an escalated case's id is named in the reason. Ids and codes only.
 */
export function notificationEntry(actor: ScreeningActor, rule: string, notificationId: string, reason: string): AuditEntryInput {
  return {
    kind: AuditKind.CASE_MUTATION,
    decision: AuditDecision.RECORDED,
    actorId: actor.userId,
    actorRoles: [...actor.roles],
    organisation: actor.organisation ?? null,
    caseId: notificationId,
    rule,
    reason,
    requestId: actor.requestId ?? null,
  };
}
