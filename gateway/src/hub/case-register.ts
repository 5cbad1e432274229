import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { Case } from './entities/case.entity';
import { ConsentRecord } from './entities/consent-record.entity';
import { CaseStatus, type Rag } from './entities/enums';
import { RagRating } from './entities/rag-rating.entity';
import { Subject } from './entities/subject.entity';
import type { ConsentInput, DecisionInput, RateCaseInput } from './inputs/decision.input';
import type { ReferralInput } from './inputs/referral.input';
import { DEFAULT_TIMESCALES, dueBy, type Timescales } from './timescales';
import { Problems } from './validation/problems';
import { validateReferral } from './validation/referral.validation';

/** A change to a case, reported so the caller can audit it inside the same transaction. */
/** Who made a change, and in which request (for the access log). */
export interface Actor {
  userId: string;
  requestId?: string;
}

export interface CaseChange {
  actorId: string;
  requestId?: string;
  caseId: string;
  subjectIds: string[];
  action: 'RECEIVE_REFERRAL' | 'RATE_CASE' | 'RECORD_CONSENT' | 'RECORD_DECISION';
  detail: string;
}

export interface CaseRegisterOptions {
  timescales?: () => Promise<Timescales | undefined>;
  /** Called inside the mutation's transaction: if it throws, nothing is written. */
  onChange?: (change: CaseChange, manager: EntityManager) => Promise<void>;
}

/** The hub's case lifecycle: receive -> rate -> consent -> decide (with feedback) -> closed. */
export class CaseRegister {
  constructor(private readonly dataSource: DataSource, private readonly options: CaseRegisterOptions = {}) {}

  async receiveReferral(input: ReferralInput, actor: Actor, now = new Date()): Promise<Case> {
    const subjects = validateReferral(input, now);
    const timescales = await this.timescales();
    return this.dataSource.transaction(async (manager) => {
      const [{ seq }] = await manager.query(`SELECT nextval('mash_case_reference_seq') AS seq`);
      const record = manager.create(Case, {
        reference: `MASH-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`,
        receivedAt: now,
        pathway: input.pathway,
        referrerName: input.referrerName.trim(),
        referrerOrganisation: input.referrerOrganisation ?? null,
        referralSource: input.referralSource ?? null,
        referrerContact: input.referrerContact ?? null,
        concern: input.concern.trim(),
        rag: input.rag ?? null,
        status: CaseStatus.OPEN,
        dueBy: dueBy(now, input.rag ?? null, timescales),
        consentStatus: input.consentStatus,
        consentEarlyHelpSharing: input.consentEarlyHelpSharing,
        createdBy: actor.userId,
      });
      const saved = await manager.save(record);
      const savedSubjects = await manager.save(
        subjects.map((subject) => manager.create(Subject, { ...subject, caseId: saved.id })),
      );
      if (input.rag) {
        await manager.save(manager.create(RagRating, { caseId: saved.id, rag: input.rag, rationale: input.ragRationale ?? '', ratedBy: actor.userId, ratedAt: now }));
      }
      await this.options.onChange?.(
        { actorId: actor.userId, requestId: actor.requestId, caseId: saved.id, subjectIds: savedSubjects.map((subject) => subject.id), action: 'RECEIVE_REFERRAL', detail: `rag=${input.rag ?? 'none'}` },
        manager,
      );
      return saved;
    });
  }

  async rateCase(input: RateCaseInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
    problems.throwIfAny('rating');
    const timescales = await this.timescales();
    return this.mutateOpenCase(actor, input.caseId, 'RATE_CASE', `rag=${input.rag}`, async (record, manager) => {
      await manager.save(manager.create(RagRating, { caseId: record.id, rag: input.rag, rationale: input.rationale.trim(), ratedBy: actor.userId, ratedAt: now }));
      record.rag = input.rag as Rag;
      record.dueBy = dueBy(record.receivedAt, input.rag, timescales);
    });
  }

  async recordConsent(input: ConsentInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    problems.text('note', input.note, { required: input.status === 'OVERRIDDEN', max: 1000, label: 'Note' });
    if (input.earlyHelpSharing && input.status !== 'GIVEN') problems.add('earlyHelpSharing', 'early-help sharing needs consent GIVEN');
    problems.throwIfAny('consent');
    return this.mutateOpenCase(actor, input.caseId, 'RECORD_CONSENT', `consent=${input.status} earlyHelp=${input.earlyHelpSharing}`, async (record, manager) => {
      await manager.save(manager.create(ConsentRecord, { caseId: record.id, status: input.status, earlyHelpSharing: input.earlyHelpSharing, note: input.note ?? null, recordedBy: actor.userId, recordedAt: now }));
      record.consentStatus = input.status;
      record.consentEarlyHelpSharing = input.earlyHelpSharing;
      record.consentNote = input.note ?? null;
    });
  }

  async recordDecision(input: DecisionInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
    problems.text('feedbackToReferrer', input.feedbackToReferrer, { required: true, max: 4000, label: 'Feedback to the referrer' });
    problems.throwIfAny('decision');
    return this.mutateOpenCase(actor, input.caseId, 'RECORD_DECISION', `decision=${input.outcome}`, async (record) => {
      if (!record.rag) throw badInput('caseId', 'rate the case before recording a decision');
      Object.assign(record, {
        decision: input.outcome,
        decisionRationale: input.rationale.trim(),
        decidedAt: now,
        decidedBy: actor.userId,
        feedbackToReferrer: input.feedbackToReferrer.trim(),
        feedbackSentAt: now,
        status: CaseStatus.CLOSED,
        closedAt: now,
      });
    });
  }

  private async mutateOpenCase(
    actor: Actor,
    caseId: string,
    action: CaseChange['action'],
    detail: string,
    change: (record: Case, manager: EntityManager) => Promise<void>,
  ): Promise<Case> {
    assertCaseId(caseId);
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw badInput('caseId', `no case with id ${caseId}`);
      if (record.status === CaseStatus.CLOSED) throw badInput('caseId', `case ${record.reference} is closed`);
      await change(record, manager);
      const saved = await manager.save(record);
      const subjects = await manager.find(Subject, { where: { caseId }, select: { id: true } });
      await this.options.onChange?.({ actorId: actor.userId, requestId: actor.requestId, caseId, subjectIds: subjects.map((subject) => subject.id), action, detail }, manager);
      return saved;
    });
  }

  private async timescales(): Promise<Timescales> {
    return (await this.options.timescales?.()) ?? DEFAULT_TIMESCALES;
  }
}

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid input. ${field}: ${message}.`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertCaseId(caseId: string, field = 'caseId'): void {
  if (!UUID.test(caseId)) throw badInput(field, `"${caseId.slice(0, 40)}" is not a case id`);
}
