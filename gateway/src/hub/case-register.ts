import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { Case } from './entities/case.entity';
import { ConsentRecord } from './entities/consent-record.entity';
import { DEFAULT_POLICY, type RatingControl } from '../policy';
import { CaseStatus, ConsentStatus, RatingReviewStatus, type Rag } from './entities/enums';
import { Subject } from './entities/subject.entity';
import type { ConsentInput, DecisionInput, RateCaseInput } from './inputs/decision.input';
import type { ReferralInput, SubjectInput } from './inputs/referral.input';
import { applyRating, closeReview, type ReviewOutcome } from './rating/rating-flow';
import { DEFAULT_TIMESCALES, dueBy, type Timescales } from './timescales';
import { checkConsent } from './validation/consent.validation';
import { Problems } from './validation/problems';
import { validateNewSubject, validateReferral } from './validation/referral.validation';

/** The most people one case may name (a referral names at most 30 too). */
const MAX_SUBJECTS_PER_CASE = 30;

/** Who made a change, with the roles their token carries, and in which request (for the access log). */
export interface Actor {
  userId: string;
  roles: readonly string[];
  requestId?: string;
}

/** A change to a case, reported so the caller can audit it inside the same transaction. */
export interface CaseChange {
  actorId: string;
  requestId?: string;
  caseId: string;
  subjectIds: string[];
  action: 'RECEIVE_REFERRAL' | 'ADD_SUBJECT' | 'RATE_CASE' | 'CONFIRM_RATING' | 'OVERTURN_RATING' | 'RECORD_CONSENT' | 'RECORD_DECISION';
  /** Ids and codes only: free text (rationales, notes) stays in the register, which the ids point to. */
  detail: string;
}

export interface CaseRegisterOptions {
  timescales?: () => Promise<Timescales | undefined>;
  /** Separation of duties from the active ISA policy; the default policy's when none is active. */
  ratingControl?: () => Promise<RatingControl | undefined>;
  /** Called inside the mutation's transaction: if it throws, nothing is written. */
  onChange?: (change: CaseChange, manager: EntityManager) => Promise<void>;
}

/** The hub's case lifecycle: receive -> rate -> consent -> decide (with feedback) -> closed. */
export class CaseRegister {
  constructor(private readonly dataSource: DataSource, private readonly options: CaseRegisterOptions = {}) {}

  async receiveReferral(input: ReferralInput, actor: Actor, now = new Date()): Promise<Case> {
    const { subjects, consentGivenAt } = validateReferral(input, now);
    const [timescales, control] = await Promise.all([this.timescales(), this.ratingControl()]);
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
        rag: null,
        ratingState: null,
        currentRatingId: null,
        status: CaseStatus.OPEN,
        dueBy: dueBy(now, input.rag ?? null, timescales),
        consentStatus: input.consentStatus,
        consentEarlyHelpSharing: input.consentEarlyHelpSharing,
        consentNote: input.consentNote?.trim() || null,
        createdBy: actor.userId,
      });
      const saved = await manager.save(record);
      const savedSubjects = await manager.save(
        subjects.map((subject) => manager.create(Subject, { ...subject, caseId: saved.id })),
      );
      const details = [`consent=${input.consentStatus} earlyHelp=${input.consentEarlyHelpSharing}`];
      if (input.consentStatus !== ConsentStatus.NOT_SOUGHT) {
        const consent = await this.saveConsent(manager, saved.id, { status: input.consentStatus, earlyHelpSharing: input.consentEarlyHelpSharing, note: input.consentNote, givenBy: input.consentGivenBy, method: input.consentMethod }, consentGivenAt, actor, now);
        details.push(`consentRecord=${consent.id}`);
      }
      if (input.rag) {
        details.unshift(await applyRating(manager, saved, { rag: input.rag, rationale: input.ragRationale?.trim() ?? '' }, actor, now, control));
        await manager.save(saved);
      } else {
        details.unshift('rag=none');
      }
      await this.options.onChange?.(
        { actorId: actor.userId, requestId: actor.requestId, caseId: saved.id, subjectIds: savedSubjects.map((subject) => subject.id), action: 'RECEIVE_REFERRAL', detail: details.join(' ') },
        manager,
      );
      return saved;
    });
  }

  /**
   * Adds a person to an open case (think family: an associate an agency reported, or someone the
   * hub learnt of since the referral). They become a subject like the referral's: the agencies are
   * asked about them under the same agreement. `foundAs` records which agency record led to them.
   */
  async addSubject(caseId: string, input: SubjectInput, actor: Actor, foundAs: { agency: string; recordId: string } | null = null, now = new Date()): Promise<Subject> {
    assertCaseId(caseId);
    const subject = validateNewSubject(input, now);
    if (foundAs && !/^[A-Za-z0-9:_.-]{1,100}$/.test(foundAs.recordId)) throw badInput('foundAs.recordId', 'is not an agency record id (as Subject.associates gave it)');
    let added: Subject | undefined;
    await this.mutateOpenCase(actor, caseId, 'ADD_SUBJECT', async (_record, manager) => {
      const count = await manager.count(Subject, { where: { caseId } });
      if (count >= MAX_SUBJECTS_PER_CASE) throw badInput('caseId', `the case already has ${count} subjects, the most one case may have`);
      added = await manager.save(manager.create(Subject, { ...subject, caseId }));
      return `subject=${added.id} role=${subject.householdRole}${foundAs ? ` foundAs=${foundAs.agency}:${foundAs.recordId}` : ''}`;
    });
    return added!;
  }

  async rateCase(input: RateCaseInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
    problems.throwIfAny('rating');
    const [timescales, control] = await Promise.all([this.timescales(), this.ratingControl()]);
    return this.mutateOpenCase(actor, input.caseId, 'RATE_CASE', async (record, manager) => {
      const detail = await applyRating(manager, record, { rag: input.rag as Rag, rationale: input.rationale.trim() }, actor, now, control);
      record.dueBy = dueBy(record.receivedAt, input.rag, timescales);
      return detail;
    });
  }

  /** Confirms the case's rating under review as the second person (or, for an urgent one, the manager). */
  confirmRating(input: ReviewInput, actor: Actor, now = new Date()): Promise<Case> {
    return this.closeReview(input, RatingReviewStatus.CONFIRMED, actor, now);
  }

  /** Overturns the case's rating under review: while it is the current rating, nothing more is shared. */
  overturnRating(input: ReviewInput, actor: Actor, now = new Date()): Promise<Case> {
    return this.closeReview(input, RatingReviewStatus.OVERTURNED, actor, now);
  }

  private async closeReview(input: ReviewInput, outcome: ReviewOutcome, actor: Actor, now: Date): Promise<Case> {
    const problems = new Problems();
    problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
    if (input.reviewId) assertCaseId(input.reviewId, 'reviewId');
    problems.throwIfAny(outcome === RatingReviewStatus.CONFIRMED ? 'confirmation' : 'overturn');
    const control = await this.ratingControl();
    const action = outcome === RatingReviewStatus.CONFIRMED ? 'CONFIRM_RATING' : 'OVERTURN_RATING';
    // A closed case's reviews can still be closed: an urgent rating shared data before closure, and
    // overturning it also ends the reading window after closure.
    return this.mutateOpenCase(
      actor,
      input.caseId,
      action,
      (record, manager) => closeReview(manager, record, outcome, actor, input.rationale.trim(), now, control, input.reviewId),
      { closedToo: true },
    );
  }

  async recordConsent(input: ConsentInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    const givenAt = checkConsent(input, CONSENT_FIELDS, problems, now);
    problems.throwIfAny('consent');
    return this.mutateOpenCase(actor, input.caseId, 'RECORD_CONSENT', async (record, manager) => {
      const consent = await this.saveConsent(manager, record.id, input, givenAt, actor, now);
      record.consentStatus = input.status;
      record.consentEarlyHelpSharing = input.earlyHelpSharing;
      record.consentNote = input.note?.trim() || null;
      return `consent=${input.status} earlyHelp=${input.earlyHelpSharing} consentRecord=${consent.id}`;
    });
  }

  private saveConsent(manager: EntityManager, caseId: string, consent: Omit<ConsentInput, 'caseId' | 'givenAt'>, givenAt: Date | null, actor: Actor, now: Date): Promise<ConsentRecord> {
    return manager.save(
      manager.create(ConsentRecord, {
        caseId,
        status: consent.status,
        earlyHelpSharing: consent.earlyHelpSharing,
        note: consent.note?.trim() || null,
        givenBy: consent.givenBy?.trim() || null,
        method: consent.method ?? null,
        givenAt,
        recordedBy: actor.userId,
        recordedAt: now,
      }),
    );
  }

  async recordDecision(input: DecisionInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
    problems.text('feedbackToReferrer', input.feedbackToReferrer, { required: true, max: 4000, label: 'Feedback to the referrer' });
    problems.throwIfAny('decision');
    return this.mutateOpenCase(actor, input.caseId, 'RECORD_DECISION', async (record) => {
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
      return `decision=${input.outcome}`;
    });
  }

  private async mutateOpenCase(
    actor: Actor,
    caseId: string,
    action: CaseChange['action'],
    change: (record: Case, manager: EntityManager) => Promise<string>,
    options: { closedToo?: boolean } = {},
  ): Promise<Case> {
    assertCaseId(caseId);
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw badInput('caseId', `no case with id ${caseId}`);
      if (record.status === CaseStatus.CLOSED && !options.closedToo) throw badInput('caseId', `case ${record.reference} is closed`);
      const detail = await change(record, manager);
      const saved = await manager.save(record);
      const subjects = await manager.find(Subject, { where: { caseId }, select: { id: true } });
      await this.options.onChange?.({ actorId: actor.userId, requestId: actor.requestId, caseId, subjectIds: subjects.map((subject) => subject.id), action, detail }, manager);
      return saved;
    });
  }

  private async timescales(): Promise<Timescales> {
    return (await this.options.timescales?.()) ?? DEFAULT_TIMESCALES;
  }

  private async ratingControl(): Promise<RatingControl> {
    return (await this.options.ratingControl?.()) ?? DEFAULT_POLICY.ratingControl;
  }
}

/** Which case's rating review to close, and why; by default the review of the current rating. */
export interface ReviewInput {
  caseId: string;
  rationale: string;
  reviewId?: string | null;
}

const CONSENT_FIELDS = { status: 'status', earlyHelpSharing: 'earlyHelpSharing', note: 'note', givenBy: 'givenBy', method: 'method', givenAt: 'givenAt' };

export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid input. ${field}: ${message}.`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertCaseId(caseId: string, field = 'caseId'): void {
  // The value is not echoed: whatever was typed there stays out of answers and logs.
  if (!UUID.test(caseId)) throw badInput(field, 'is not an id (ids are UUIDs, as returned by cases or receiveReferral)');
}
