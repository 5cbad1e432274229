import { badInput } from '../errors/bad-input';
import type { DataSource, EntityManager } from 'typeorm';
import { Case } from './entities/case.entity';
import { ConsentRecord } from './entities/consent-record.entity';
import { DEFAULT_POLICY, type RatingControl } from '../policy';
import { CaseKind, CaseStage, CaseStatus, ConsentStatus, RatingReviewStatus, type Rag } from './entities/enums';
import { Subject } from './entities/subject.entity';
import type { ConsentInput, DecisionInput, RateCaseInput } from './inputs/decision.input';
import type { CloseCaseInput, FeedbackInput } from './inputs/lifecycle.input';
import type { ReferralInput, SubjectInput } from './inputs/referral.input';
import { applyAssignment, checkAssignment, type AssignmentInput } from './lifecycle/assignment';
import { applyClosure, applyDecision, applyFeedback } from './lifecycle/decision';
import { findEarlierReferral, findSameSubmission, submissionDigest } from './lifecycle/intake';
import { startTimescale } from './lifecycle/timescale';
import { markResearchStarted } from './lifecycle/research';
import { applyRating, closeReview, type ReviewOutcome } from './rating/rating-flow';
import { DEFAULT_CLOCK, dueBy, type HubClock } from './timescales';
import { checkConsent } from './validation/consent.validation';
import { Problems } from './validation/problems';
import { checkIdempotencyKey, validateNewSubject, validateReferral, type ValidReferral } from './validation/referral.validation';

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
  action:
    | 'RECEIVE_REFERRAL' | 'ADD_SUBJECT' | 'RATE_CASE' | 'CONFIRM_RATING' | 'OVERTURN_RATING' | 'RECORD_CONSENT'
    | 'ASSIGN_CASE' | 'RECORD_DECISION' | 'RECORD_FEEDBACK' | 'CLOSE_CASE';
  /** Ids and codes only: free text (rationales, notes) stays in the register, which the ids point to. */
  detail: string;
}

export interface CaseRegisterOptions {
  /** The timescales, working calendar and re-referral window of the active ISA policy; the default policy's when none is active. */
  clock?: () => Promise<HubClock | undefined>;
  /** Separation of duties from the active ISA policy; the default policy's when none is active. */
  ratingControl?: () => Promise<RatingControl | undefined>;
  /** Called inside the mutation's transaction: if it throws, nothing is written. */
  onChange?: (change: CaseChange, manager: EntityManager) => Promise<void>;
}

/**
 * The hub's case lifecycle: received -> rated -> in research (first agency fetch) -> decided ->
 * feedback given -> closed; assigned to someone along the way. Every method takes `now` (the
 * demo history replays months of cases through them) and audits each change through `onChange`.
 */
export class CaseRegister {
  constructor(private readonly dataSource: DataSource, private readonly options: CaseRegisterOptions = {}) {}

  /**
   * Records a referral or information request. With an idempotency key, a retried submission
   * returns the case the first made (a different submission under the same key is BAD_USER_INPUT).
   * A referral about a person the hub had a referral about within the policy's window is a new
   * case linked to the latest such (reReferralOf), so the new concern is triaged on its own.
   */
  async receiveReferral(input: ReferralInput, actor: Actor, now = new Date(), idempotencyKey: string | null = null): Promise<Case> {
    const valid = validateReferral(input, now);
    const key = checkIdempotencyKey(idempotencyKey);
    const digest = key ? submissionDigest(input) : null;
    if (key) {
      const earlier = await findSameSubmission(this.dataSource, key, digest!);
      if (earlier) return earlier;
    }
    const [clock, control] = await Promise.all([this.clock(), this.ratingControl()]);
    try {
      return await this.dataSource.transaction((manager) => this.insertReferral(manager, input, valid, actor, now, { key, digest, clock, control }));
    } catch (error) {
      // Two tries of one submission at once: the second loses on the key's unique index.
      if (key && (error as { code?: string }).code === '23505') {
        const earlier = await findSameSubmission(this.dataSource, key, digest!);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async insertReferral(
    manager: EntityManager,
    input: ReferralInput,
    { subjects, consentGivenAt, referralSource }: ValidReferral,
    actor: Actor,
    now: Date,
    { key, digest, clock, control }: { key: string | null; digest: string | null; clock: HubClock; control: RatingControl },
  ): Promise<Case> {
    const kind = input.kind ?? CaseKind.REFERRAL;
    const [{ seq }] = await manager.query(`SELECT nextval('mash_case_reference_seq') AS seq`);
    const reReferralOf = kind === CaseKind.REFERRAL ? await findEarlierReferral(manager, subjects, clock.reReferralWindowDays, now) : null;
    const record = manager.create(Case, {
      reference: `MASH-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`,
      receivedAt: now,
      pathway: input.pathway,
      referrerName: input.referrerName.trim(),
      referrerOrganisation: input.referrerOrganisation ?? null,
      referralSource,
      referrerContact: input.referrerContact ?? null,
      concern: input.concern.trim(),
      kind,
      informationRequester: input.informationRequester ?? null,
      stage: CaseStage.RECEIVED,
      rag: null,
      ratingState: null,
      currentRatingId: null,
      status: CaseStatus.OPEN,
      dueBy: dueBy({ kind, rag: null, receivedAt: now, ratedAt: null }, clock),
      consentStatus: input.consentStatus,
      consentEarlyHelpSharing: input.consentEarlyHelpSharing,
      consentNote: input.consentNote?.trim() || null,
      createdBy: actor.userId,
      idempotencyKey: key,
      idempotencyDigest: digest,
      reReferralOf,
    });
    const saved = await manager.save(record);
    const savedSubjects = await manager.save(
      subjects.map((subject) => manager.create(Subject, { ...subject, caseId: saved.id })),
    );
    const details = [`kind=${kind}`, `consent=${input.consentStatus} earlyHelp=${input.consentEarlyHelpSharing}`];
    if (input.informationRequester) details.push(`requester=${input.informationRequester}`);
    if (referralSource) details.push(`source=${referralSource}`);
    if (reReferralOf) details.push(`reReferralOf=${reReferralOf}`);
    if (key) details.push('idempotencyKey=given');
    if (input.consentStatus !== ConsentStatus.NOT_SOUGHT) {
      const consent = await this.saveConsent(manager, saved.id, { status: input.consentStatus, earlyHelpSharing: input.consentEarlyHelpSharing, note: input.consentNote, givenBy: input.consentGivenBy, method: input.consentMethod }, consentGivenAt, actor, now);
      details.push(`consentRecord=${consent.id}`);
    }
    if (input.rag) {
      const due = startTimescale(saved, input.rag, now, clock);
      details.unshift(await applyRating(manager, saved, { rag: input.rag, rationale: input.ragRationale?.trim() ?? '', dueBy: due }, actor, now, control));
      await manager.save(saved);
    } else {
      details.unshift('rag=none');
    }
    await this.options.onChange?.(
      { actorId: actor.userId, requestId: actor.requestId, caseId: saved.id, subjectIds: savedSubjects.map((subject) => subject.id), action: 'RECEIVE_REFERRAL', detail: details.join(' ') },
      manager,
    );
    return saved;
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

  /**
   * Rates or re-rates an open, undecided case. A rating other than the current one starts its
   * timescale now (ratedAt); the same rating again keeps it. dueBy is recomputed under the active
   * policy either way, and kept on the rating (RagRating.dueBy).
   */
  async rateCase(input: RateCaseInput, actor: Actor, now = new Date()): Promise<Case> {
    const problems = new Problems();
    problems.text('rationale', input.rationale, { required: true, max: 4000, label: 'Rationale' });
    problems.throwIfAny('rating');
    const [clock, control] = await Promise.all([this.clock(), this.ratingControl()]);
    return this.mutateOpenCase(actor, input.caseId, 'RATE_CASE', async (record, manager) => {
      if (record.decidedAt) throw badInput('caseId', `the decision on case ${record.reference} is recorded; its rating no longer changes`);
      const due = startTimescale(record, input.rag as Rag, now, clock);
      return applyRating(manager, record, { rag: input.rag as Rag, rationale: input.rationale.trim(), dueBy: due }, actor, now, control);
    });
  }

  /** Gives an open case to someone (assign or reassign), or to nobody (assigneeId null); every change is kept. */
  async assignCase(input: AssignmentInput, actor: Actor, now = new Date()): Promise<Case> {
    const checked = checkAssignment(input);
    return this.mutateOpenCase(actor, input.caseId, 'ASSIGN_CASE', (record, manager) => applyAssignment(manager, record, checked, actor.userId, now));
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

  /** Records the MASH decision (with the strategy discussion for RED); with feedbackToReferrer, also the feedback, and closes the case. */
  recordDecision(input: DecisionInput, actor: Actor, now = new Date()): Promise<Case> {
    return this.mutateOpenCase(actor, input.caseId, 'RECORD_DECISION', async (record) => applyDecision(record, input, actor.userId, now));
  }

  /** Records the outcome as told to the referrer (when, how, what), by the actor. */
  recordFeedback(input: FeedbackInput, actor: Actor, now = new Date()): Promise<Case> {
    return this.mutateOpenCase(actor, input.caseId, 'RECORD_FEEDBACK', async (record) => applyFeedback(record, input, actor.userId, now));
  }

  /** Closes a decided case, with feedback recorded or the reason none was given. */
  closeCase(input: CloseCaseInput, actor: Actor, now = new Date()): Promise<Case> {
    return this.mutateOpenCase(actor, input.caseId, 'CLOSE_CASE', async (record) => applyClosure(record, input, now));
  }

  /**
   * Marks research started on the cases (the enforcement point calls this on the first allowed
   * agency fetch; the demo history with its own times). Returns the cases it marked.
   */
  markResearchStarted(caseIds: readonly string[], at = new Date()): Promise<string[]> {
    return markResearchStarted(this.dataSource, caseIds, at);
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

  private async clock(): Promise<HubClock> {
    return (await this.options.clock?.()) ?? DEFAULT_CLOCK;
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


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertCaseId(caseId: string, field = 'caseId'): void {
  // The value is not echoed: whatever was typed there stays out of answers and logs.
  if (!UUID.test(caseId)) throw badInput(field, 'is not an id (ids are UUIDs, as returned by cases or receiveReferral)');
}
