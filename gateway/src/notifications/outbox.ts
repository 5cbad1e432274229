import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditLog } from '../audit';
import { notificationEntry, type ScreeningActor } from '../screening/audit';
import type { DomesticAbusePerson } from '../screening/entities/da-person.entity';
import { OUTBOX_RULES } from './audit';
import { onwardContent } from './content';
import { OnwardNotificationKind, OnwardNotificationProblem, OnwardNotificationStatus } from './entities/enums';
import { OnwardNotification } from './entities/onward-notification.entity';
import type { LookupRoute, RecipientLookup } from './recipients';

/** One message to queue: for which child, to whom (or why nobody was found). */
export interface OutboxPlan {
  personId: string;
  subjectId: string | null;
  kind: OnwardNotificationKind;
  lookup: RecipientLookup;
}

/** What the recipient look-up gave, keyed by case subject id (route CASE) or the notification's person id (route INCIDENT). */
export interface Lookups {
  byChild: Map<string, Map<OnwardNotificationKind, RecipientLookup>>;
  failure: RecipientLookup | null;
  route?: LookupRoute;
}

const NOT_LOOKED_UP: RecipientLookup = {
  found: false,
  problem: OnwardNotificationProblem.NO_CASE,
  reason: 'The school (or GP) was not looked up. Nobody has been told: a manager can retry, or tell them another way',
};

/** One message per child present and per recipient the agreement names; every one is kept, found or not. */
export function planOutbox(children: readonly DomesticAbusePerson[], kinds: readonly OnwardNotificationKind[], lookups: Lookups | null): OutboxPlan[] {
  return children.flatMap((child) =>
    kinds.map((kind) => ({ personId: child.id, subjectId: child.subjectId, kind, lookup: lookupFor(child, kind, lookups) })),
  );
}

function lookupFor(child: DomesticAbusePerson, kind: OnwardNotificationKind, lookups: Lookups | null): RecipientLookup {
  if (!lookups) return NOT_LOOKED_UP;
  if (lookups.failure) return lookups.failure;
  const key = lookups.route === 'INCIDENT' ? child.id : child.subjectId;
  const found = key ? lookups.byChild.get(key)?.get(kind) : undefined;
  return found ?? { found: false, problem: OnwardNotificationProblem.NOT_IN_CASE, reason: "The child is not among the escalated case's subjects, so nobody could be looked up" };
}

/** The row's recipient fields and status for a look-up's result (new rows and re-tried look-ups alike). */
export function applyLookup(row: OnwardNotification, lookup: RecipientLookup, incidentAt: Date, now: Date): OnwardNotification {
  if (!lookup.found) {
    return Object.assign(row, {
      status: OnwardNotificationStatus.RECIPIENT_NOT_FOUND, failureCode: lookup.problem, failureReason: lookup.reason,
      recipientCode: null, recipientName: null, recipientContact: null, payload: null, nextAttemptAt: null,
    });
  }
  return Object.assign(row, {
    status: OnwardNotificationStatus.PENDING,
    failureCode: null,
    failureReason: null,
    recipientCode: lookup.code,
    recipientName: lookup.name,
    recipientContact: lookup.contact,
    payload: onwardContent({ outboxId: row.id, kind: row.kind, recipient: { code: lookup.code, name: lookup.name }, child: lookup.child, incidentAt }),
    nextAttemptAt: now,
    roundAttempts: 0,
  });
}

/**
 * Writes the outbox rows and their access-log entries through `manager`: inside the screening
 * decision's transaction, so the decision and its messages commit together or not at all.
 */
export async function writeOutbox(
  manager: EntityManager,
  audit: AuditLog,
  args: { notificationId: string; caseId: string | null; incidentAt: Date; plans: OutboxPlan[]; actor: ScreeningActor; now: Date; dueAt: Date },
): Promise<OnwardNotification[]> {
  const rows = args.plans.map((plan) =>
    applyLookup(
      manager.create(OnwardNotification, {
        id: randomUUID(), notificationId: args.notificationId, caseId: args.caseId, subjectId: plan.subjectId, personId: plan.personId, kind: plan.kind,
        dueAt: args.dueAt, attempts: 0, roundAttempts: 0, createdAt: args.now, createdBy: args.actor.userId,
      }),
      plan.lookup,
      args.incidentAt,
      args.now,
    ),
  );
  if (rows.length === 0) return [];
  // jsonb payloads are plain objects; TypeORM's deep-partial type cannot see that.
  await manager.insert(OnwardNotification, rows as never);
  await audit.appendMany(rows.map((row) => notificationEntry(args.actor, OUTBOX_RULES.queued, args.notificationId, describe(row))), manager);
  return rows;
}

/** The access log's words for a row: ids and codes only (a URN or practice code names an organisation, not a person). */
export function describe(row: OnwardNotification): string {
  const recipient = row.recipientCode ? ` recipient=${row.recipientCode}` : '';
  const problem = row.failureCode ? ` problem=${row.failureCode}` : '';
  return `outbox=${row.id} kind=${row.kind} child=${row.personId} status=${row.status}${recipient}${problem} due=${row.dueAt.toISOString()}`;
}
