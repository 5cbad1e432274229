import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit';
import type { AuthenticatedUser } from '../auth/user';
import { badInput } from '../errors/bad-input';
import type { CaseRegister } from '../hub/case-register';
import { Subject } from '../hub/entities/subject.entity';
import { onwardKinds } from '../notifications/agreement';
import { OnwardNotificationProblem } from '../notifications/entities/enums';
import type { FederatedExecutor } from '../notifications/federated-executor';
import { planOutbox, writeOutbox, type Lookups } from '../notifications/outbox';
import { lookUpRecipients, type LookupRoute } from '../notifications/recipients';
import { nextSchoolDayStart, schoolCalendar } from '../notifications/school-day';
import type { PolicyStore } from '../policy';
import { notificationEntry, SCREENING_RULES, type ScreeningActor } from './audit';
import { DomesticAbuseNotification } from './entities/da-notification.entity';
import { DomesticAbusePerson } from './entities/da-person.entity';
import { DomesticAbuseRole, ScreeningOutcome, ScreeningStatus } from './entities/enums';
import { referralFrom, subjectsOfPeople } from './escalation';
import type { ScreenDomesticAbuseNotificationInput } from './inputs/notification.input';
import { SCREENING_CLAIM_MINUTES } from '../policy/onward-purpose';
import { validateScreening } from './validation';

/** How long one screener's hold on a notification lasts if their request dies half way (shared with the enforcement point). */
const CLAIM_MINUTES = SCREENING_CLAIM_MINUTES;

export interface ScreeningDeps {
  hub: DataSource;
  audit: AuditLog;
  cases: CaseRegister;
  policies: PolicyStore;
  /** The gateway's executor, to find the children's school and GP as the screener; absent, nobody can be looked up. */
  execute?: FederatedExecutor;
}

/**
 * Screening one notification: the decision, and (children present) the onward notifications the
 * agreement names, written in one transaction. Escalation first makes the case through the case
 * register, and the recipients are looked up through the gateway as the screener, both before
 * that transaction (each needs the other's committed state); a claim on the notification keeps a
 * second screener out meanwhile, and the escalated case is linked at once, so a retried screening
 * reuses it rather than opening another.
 */
export class DomesticAbuseScreening {
  constructor(private readonly deps: ScreeningDeps) {}

  async screen(input: ScreenDomesticAbuseNotificationInput, user: AuthenticatedUser, requestId: string, now = new Date()): Promise<DomesticAbuseNotification> {
    validateScreening(input);
    const actor: ScreeningActor = { userId: user.id, roles: user.roles, organisation: user.organisation, requestId };
    await this.claim(input.id, actor.userId, now);
    try {
      const { hub } = this.deps;
      const notification = await hub.getRepository(DomesticAbuseNotification).findOneByOrFail({ id: input.id });
      let people = await hub.getRepository(DomesticAbusePerson).find({ where: { notificationId: input.id }, order: { position: 'ASC' } });
      if (input.outcome === ScreeningOutcome.ESCALATE_TO_CASE && !notification.caseId) {
        notification.caseId = await this.escalate(notification, people, input, actor, now);
        people = await hub.getRepository(DomesticAbusePerson).find({ where: { notificationId: input.id }, order: { position: 'ASC' } });
      }
      const policy = await this.deps.policies.active();
      const kinds = notification.childrenPresent ? onwardKinds(policy) : [];
      const children = people.filter((person) => person.role === DomesticAbuseRole.CHILD);
      let lookups: Lookups | null = null;
      if (kinds.length > 0 && children.length > 0) {
        // Escalated: through the case's subjects under the policy's rules. Otherwise (no further
        // action, early help): through the notification's own children under the narrow
        // onward-notification purposes, which the enforcement point decides with a built-in rule.
        const route: LookupRoute = notification.caseId ? 'CASE' : 'INCIDENT';
        lookups = this.deps.execute
          ? { ...(await lookUpRecipients(this.deps.execute, { user, requestId }, notification.id, kinds, route)), route }
          : { byChild: new Map(), failure: { found: false, problem: OnwardNotificationProblem.UNAVAILABLE, reason: 'This gateway process cannot run look-ups' } };
      }
      const plans = planOutbox(children, kinds, lookups);
      const dueAt = nextSchoolDayStart(now, schoolCalendar(policy?.workingCalendar));
      return await hub.transaction(async (manager) => {
        const record = await manager.findOneOrFail(DomesticAbuseNotification, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
        if (record.status !== ScreeningStatus.WAITING || record.claimedBy !== actor.userId) throw badInput('id', 'was screened by someone else meanwhile; nothing was written');
        Object.assign(record, {
          status: ScreeningStatus.SCREENED,
          outcome: input.outcome,
          rationale: input.rationale.trim(),
          consentRecorded: input.consentRecorded === true,
          screenedAt: now,
          screenedBy: actor.userId,
          caseId: notification.caseId,
          claimedBy: null,
          claimedAt: null,
        });
        const saved = await manager.save(record);
        const rows = await writeOutbox(manager, this.deps.audit, { notificationId: record.id, caseId: record.caseId, incidentAt: record.incidentAt, plans, actor, now, dueAt });
        await this.deps.audit.append(
          notificationEntry(actor, SCREENING_RULES.screen, record.id, `outcome=${input.outcome} consentRecorded=${record.consentRecorded} case=${record.caseId ?? 'none'} onward=${rows.length}`),
          manager,
        );
        return saved;
      });
    } catch (error) {
      await this.release(input.id, actor.userId);
      throw error;
    }
  }

  /** Holds the notification for this screener; BAD_USER_INPUT when it is unknown, screened, or held by someone else. */
  private async claim(id: string, userId: string, now: Date): Promise<void> {
    const claimed: unknown[] = await this.deps.hub.query(
      `WITH claimed AS (
         UPDATE da_notification SET claimed_by = $2, claimed_at = $3
          WHERE id = $1 AND status = 'WAITING' AND (claimed_by IS NULL OR claimed_by = $2 OR claimed_at < $3::timestamptz - make_interval(mins => $4))
          RETURNING id)
       SELECT id FROM claimed`,
      [id, userId, now, CLAIM_MINUTES],
    );
    if (claimed.length > 0) return;
    const existing = await this.deps.hub.getRepository(DomesticAbuseNotification).findOneBy({ id });
    if (!existing) throw badInput('id', `no domestic abuse notification with id ${id}`);
    if (existing.status === ScreeningStatus.SCREENED) throw badInput('id', `notification ${existing.policeReference} was already screened (${existing.outcome})`);
    throw badInput('id', `notification ${existing.policeReference} is being screened by someone else right now; try again in ${CLAIM_MINUTES} minutes if they do not finish`);
  }

  private async release(id: string, userId: string): Promise<void> {
    await this.deps.hub.query(`UPDATE da_notification SET claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND claimed_by = $2 AND status = 'WAITING'`, [id, userId]).catch(() => undefined);
  }

  /** Opens the case through the case register (audited there) and links it and its subjects to the notification at once. */
  private async escalate(notification: DomesticAbuseNotification, people: DomesticAbusePerson[], input: ScreenDomesticAbuseNotificationInput, actor: ScreeningActor, now: Date): Promise<string> {
    const created = await this.deps.cases.receiveReferral(referralFrom(notification, people, input), { userId: actor.userId, roles: actor.roles, requestId: actor.requestId }, now, `da-notification:${notification.id}`);
    const subjects = await this.deps.hub.getRepository(Subject).find({ where: { caseId: created.id } });
    const subjectOf = subjectsOfPeople(people, subjects);
    await this.deps.hub.transaction(async (manager) => {
      await manager.update(DomesticAbuseNotification, { id: notification.id }, { caseId: created.id });
      for (const person of people) {
        const subjectId = subjectOf.get(person.id);
        if (subjectId) await manager.update(DomesticAbusePerson, { id: person.id }, { subjectId });
      }
    });
    return created.id;
  }
}
