import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit';
import type { AuthenticatedUser } from '../auth/user';
import { badInput } from '../errors/bad-input';
import { notificationEntry, type ScreeningActor } from '../screening/audit';
import { DomesticAbuseNotification } from '../screening/entities/da-notification.entity';
import { isUuid } from '../screening/validation';
import { OUTBOX_RULES } from './audit';
import { OnwardNotificationStatus } from './entities/enums';
import { OnwardNotification } from './entities/onward-notification.entity';
import type { FederatedExecutor } from './federated-executor';
import { applyLookup, describe } from './outbox';
import { lookUpRecipients, type LookupRoute, type RecipientLookup } from './recipients';

/**
 * A manager's retry. A message whose recipient was not found is looked up again, as the manager
 * and through the gateway (e.g. once the case is rated or its rating confirmed, the match
 * confirmed, or the agency back); a FAILED one starts a new round of attempts; a waiting one is
 * sent at the next pass. A delivered message is not sent twice.
 */
export async function retryNotification(
  deps: { hub: DataSource; audit: AuditLog; execute?: FederatedExecutor },
  id: string,
  user: AuthenticatedUser,
  requestId: string,
  now = new Date(),
): Promise<OnwardNotification> {
  if (!isUuid(id)) throw badInput('id', 'is not an id (ids are UUIDs, as notificationOutbox returns them)');
  const row = await deps.hub.getRepository(OnwardNotification).findOneBy({ id });
  if (!row) throw badInput('id', `no onward notification with id ${id}`);
  if (row.status === OnwardNotificationStatus.DELIVERED) throw badInput('id', 'was delivered already; it is not sent twice');
  let lookup: RecipientLookup | null = null;
  if (row.status === OnwardNotificationStatus.RECIPIENT_NOT_FOUND) {
    if (!deps.execute) throw badInput('id', 'cannot be looked up again by this gateway process');
    // A case subject is looked up through the case; a child of a notification without a case
    // through the notification, under the narrow onward-notification purpose.
    const route: LookupRoute = row.subjectId ? 'CASE' : 'INCIDENT';
    const { byChild, failure } = await lookUpRecipients(deps.execute, { user, requestId }, row.notificationId, [row.kind], route);
    lookup = failure ?? byChild.get(row.subjectId ?? row.personId)?.get(row.kind) ?? null;
    if (!lookup) throw badInput('id', route === 'CASE' ? "the child is no longer among the case's subjects" : 'the child is no longer named in the notification');
  }
  const actor: ScreeningActor = { userId: user.id, roles: user.roles, organisation: user.organisation, requestId };
  return deps.hub.transaction(async (manager) => {
    const locked = await manager.findOneOrFail(OnwardNotification, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (locked.status !== row.status) throw badInput('id', `changed to ${locked.status} meanwhile; look at it again`);
    if (locked.lockedUntil && locked.lockedUntil > now) throw badInput('id', 'is being delivered right now; look at it again in a minute');
    if (lookup) {
      const notification = await manager.findOneByOrFail(DomesticAbuseNotification, { id: locked.notificationId });
      applyLookup(locked, lookup, notification.incidentAt, now);
    } else {
      Object.assign(locked, { status: OnwardNotificationStatus.PENDING, nextAttemptAt: now, roundAttempts: 0 });
    }
    const saved = await manager.save(locked);
    await deps.audit.append(notificationEntry(actor, OUTBOX_RULES.retry, saved.notificationId, `${lookup ? 'lookup ' : ''}${describe(saved)}`), manager);
    return saved;
  });
}
