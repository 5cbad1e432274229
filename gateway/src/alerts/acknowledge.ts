import type { DataSource } from 'typeorm';
import { AuditDecision, AuditKind, AuditLog } from '../audit';
import type { AuthenticatedUser } from '../auth/user';
import { badInput } from '../errors/bad-input';
import { GovernanceAlertStatus } from './entities/enums';
import { GovernanceAlert } from './entities/governance-alert.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NOTE = 4000;

/**
 * Acknowledges an OPEN alert with the reviewer's note: the row's one permitted change and its
 * access-log entry (ALERT_REVIEW, ids only: the note stays with the alert) commit together. An
 * alert already acknowledged is refused, so the first reviewer's note is never overwritten.
 */
export async function acknowledgeAlert(hub: DataSource, id: string, note: string, user: AuthenticatedUser, requestId: string | null, now = new Date()): Promise<GovernanceAlert> {
  if (!UUID.test(id)) throw badInput('id', 'is not an alert id (ids are UUIDs, as governanceAlerts returns them)');
  const text = (note ?? '').trim();
  if (text === '') throw badInput('note', 'is required: say what you found and what, if anything, was done');
  if (text.length > MAX_NOTE) throw badInput('note', `is ${text.length} characters; at most ${MAX_NOTE}`);
  return hub.transaction(async (manager) => {
    const alert = await manager.findOne(GovernanceAlert, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!alert) throw badInput('id', `no alert with id ${id}`);
    if (alert.status !== GovernanceAlertStatus.OPEN) {
      throw badInput('id', `alert ${id} was already acknowledged by ${alert.acknowledgedBy} at ${alert.acknowledgedAt!.toISOString()}; an alert is acknowledged once`);
    }
    await manager.update(GovernanceAlert, { id, status: GovernanceAlertStatus.OPEN }, { status: GovernanceAlertStatus.ACKNOWLEDGED, acknowledgedBy: user.id, acknowledgedAt: now, note: text });
    await AuditLog.for(hub).append(
      {
        kind: AuditKind.ALERT_REVIEW,
        decision: AuditDecision.RECORDED,
        actorId: user.id,
        actorRoles: user.roles,
        organisation: user.organisation,
        caseId: alert.caseId,
        agency: alert.agency,
        rule: alert.ruleId,
        reason: `ACKNOWLEDGE_ALERT alert=${alert.id} kind=${alert.kind} severity=${alert.severity} about user=${alert.userId ?? 'none'}; the note is kept with the alert`,
        requestId,
      },
      manager,
    );
    return manager.findOneByOrFail(GovernanceAlert, { id });
  });
}

