import { Case } from '../../gateway/src/hub/entities/case.entity';
import { CaseAssignment } from '../../gateway/src/hub/entities/case-assignment.entity';
import { DecisionOutcome, FeedbackMethod, FeedbackWithheldReason, Rag } from '../../gateway/src/hub/entities/enums';
import { MANAGER, openHub, referral, refusal, TRIAGE, TRIAGE_2, type TestHub } from './support';

const at = (iso: string) => new Date(iso);
const STRATEGY = { strategyDiscussionAt: at('2026-11-30T10:45:00Z'), strategyDiscussionAttendees: ['police', "children's social care", 'health'] };

// Issue 11: received -> rated -> (in research) -> decided -> feedback given -> closed, each step timed and audited.
describe('the case lifecycle', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await openHub('hub-lifecycle');
  });
  afterAll(() => hub?.close());

  const load = (id: string) => hub.db.dataSource.getRepository(Case).findOneByOrFail({ id });
  const receive = (rag: Rag | null = Rag.AMBER, now = at('2026-11-30T09:00:00Z')) => hub.cases.receiveReferral(referral({}, rag), MANAGER, now);

  it('assigns, reassigns and unassigns a case, keeping every change and auditing it', async () => {
    const { id } = await receive();
    await hub.cases.assignCase({ caseId: id, assigneeId: 'triage-1' }, MANAGER, at('2026-11-30T09:05:00Z'));
    const reassigned = await hub.cases.assignCase({ caseId: id, assigneeId: 'triage-2', rationale: 'Covering leave' }, MANAGER, at('2026-11-30T11:00:00Z'));
    expect(reassigned).toMatchObject({ assigneeId: 'triage-2', assignedAt: at('2026-11-30T11:00:00Z') });
    expect(await refusal(hub.cases.assignCase({ caseId: id, assigneeId: 'triage-2' }, MANAGER))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    expect(await refusal(hub.cases.assignCase({ caseId: id, assigneeId: 'has spaces' }, MANAGER))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    const unassigned = await hub.cases.assignCase({ caseId: id, assigneeId: null }, TRIAGE_2, at('2026-11-30T12:00:00Z'));
    expect(unassigned).toMatchObject({ assigneeId: null, assignedAt: null });

    const kept = await hub.db.dataSource.getRepository(CaseAssignment).find({ where: { caseId: id }, order: { assignedAt: 'ASC' } });
    expect(kept.map((row) => [row.previousAssigneeId, row.assigneeId, row.assignedBy, row.rationale])).toEqual([
      [null, 'triage-1', 'manager-1', null],
      ['triage-1', 'triage-2', 'manager-1', 'Covering leave'],
      ['triage-2', null, 'triage-2', null],
    ]);
    const audited = (await hub.mutations(id)).filter((entry) => entry.rule === 'ASSIGN_CASE');
    expect(audited.map((entry) => entry.reason.replace(/ assignment=\S+/, ''))).toEqual([
      'assignee=triage-1 previous=none', 'assignee=triage-2 previous=triage-1', 'assignee=none previous=triage-2',
    ]);
    expect(audited.every((entry) => !entry.reason.includes('Covering leave'))).toBe(true);
  });

  it('refuses a RED decision without its strategy discussion, writing nothing, and records it with one', async () => {
    const { id } = await receive(Rag.RED, at('2026-11-30T10:00:00Z'));
    const missing = await refusal(hub.cases.recordDecision({ caseId: id, outcome: DecisionOutcome.ASSESSMENT, rationale: 'Assess' }, MANAGER, at('2026-11-30T11:00:00Z')));
    expect(missing).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['strategyDiscussionAt', 'strategyDiscussionAttendees'] });
    const alone = await refusal(
      hub.cases.recordDecision({ caseId: id, outcome: DecisionOutcome.ASSESSMENT, rationale: 'Assess', ...STRATEGY, strategyDiscussionAttendees: ['police'] }, MANAGER, at('2026-11-30T11:00:00Z')),
    );
    expect(alone).toMatchObject({ code: 'BAD_USER_INPUT', field: 'strategyDiscussionAttendees' });
    expect(await load(id)).toMatchObject({ decidedAt: null, decision: null, stage: 'RATED' });

    const decided = await hub.cases.recordDecision({ caseId: id, outcome: DecisionOutcome.STRATEGY_DISCUSSION, rationale: 'Section 47', ...STRATEGY }, MANAGER, at('2026-11-30T11:10:00Z'));
    expect(decided).toMatchObject({
      stage: 'DECIDED', status: 'OPEN', decidedAt: at('2026-11-30T11:10:00Z'), strategyDiscussionAt: STRATEGY.strategyDiscussionAt,
      strategyDiscussionAttendees: ['police', "children's social care", 'health'], feedbackSentAt: null,
    });
    expect(await refusal(hub.cases.rateCase({ caseId: id, rag: Rag.GREEN, rationale: 'After the fact' }, MANAGER))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
  });

  it('refuses to close without feedback or a reason, then closes once feedback is recorded', async () => {
    const { id } = await receive();
    expect(await refusal(hub.cases.closeCase({ caseId: id, feedbackWithheldReason: FeedbackWithheldReason.ANONYMOUS_REFERRER }, TRIAGE))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    await hub.cases.recordDecision({ caseId: id, outcome: DecisionOutcome.EARLY_HELP, rationale: 'Early help offer' }, TRIAGE, at('2026-11-30T12:00:00Z'));

    const refused = await refusal(hub.cases.closeCase({ caseId: id }, TRIAGE, at('2026-11-30T12:05:00Z')));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feedbackWithheldReason' });
    expect(refused.message).toMatch(/closes with feedback to the referrer \(recordFeedback\) or the reason none was given/);
    expect(await load(id)).toMatchObject({ status: 'OPEN', stage: 'DECIDED', closedAt: null });
    // The database holds the same line, whatever writes to it.
    await expect(hub.db.dataSource.query(`UPDATE mash_case SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [id])).rejects.toThrow(/mash_case_closed_with_feedback/);

    const future = await refusal(hub.cases.recordFeedback({ caseId: id, sentAt: at('2026-12-01T09:00:00Z'), method: FeedbackMethod.PHONE, summary: 'Told' }, TRIAGE, at('2026-11-30T13:00:00Z')));
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sentAt' });
    const told = await hub.cases.recordFeedback(
      { caseId: id, sentAt: at('2026-11-30T12:30:00Z'), method: FeedbackMethod.PHONE, summary: 'Early help will contact the family' }, TRIAGE_2, at('2026-11-30T13:00:00Z'),
    );
    expect(told).toMatchObject({ stage: 'FEEDBACK_GIVEN', feedbackSentAt: at('2026-11-30T12:30:00Z'), feedbackMethod: 'PHONE', feedbackBy: 'triage-2' });
    expect(await refusal(hub.cases.closeCase({ caseId: id, feedbackWithheldReason: FeedbackWithheldReason.REFERRER_UNREACHABLE }, TRIAGE))).toMatchObject({ field: 'feedbackWithheldReason' });

    const closed = await hub.cases.closeCase({ caseId: id }, TRIAGE, at('2026-11-30T13:05:00Z'));
    expect(closed).toMatchObject({ status: 'CLOSED', stage: 'CLOSED', closedAt: at('2026-11-30T13:05:00Z'), feedbackWithheldReason: null });
    expect((await hub.mutations(id)).map((entry) => [entry.rule, entry.reason])).toEqual([
      ['RECEIVE_REFERRAL', expect.stringMatching(/^rag=AMBER /)],
      ['RECORD_DECISION', 'decision=EARLY_HELP'],
      ['RECORD_FEEDBACK', 'feedback=PHONE'],
      ['CLOSE_CASE', 'closed feedback=sent'],
    ]);
  });

  it('closes without feedback only with a recorded reason, and a risk reason needs its note', async () => {
    const { id } = await receive();
    await hub.cases.recordDecision({ caseId: id, outcome: DecisionOutcome.NO_FURTHER_ACTION, rationale: 'Nothing found' }, TRIAGE);
    expect(await refusal(hub.cases.closeCase({ caseId: id, feedbackWithheldReason: FeedbackWithheldReason.RISK_TO_CHILD }, TRIAGE))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const closed = await hub.cases.closeCase({ caseId: id, feedbackWithheldReason: FeedbackWithheldReason.RISK_TO_CHILD, note: 'The referrer is the alleged perpetrator' }, TRIAGE);
    expect(closed).toMatchObject({ status: 'CLOSED', feedbackWithheldReason: 'RISK_TO_CHILD', feedbackWithheldNote: 'The referrer is the alleged perpetrator', feedbackSentAt: null });
    expect((await hub.mutations(id)).at(-1)).toMatchObject({ rule: 'CLOSE_CASE', reason: 'closed feedbackWithheld=RISK_TO_CHILD' });
  });

  it('still records decision, feedback and closure in one step when feedbackToReferrer is given (the form clients used before)', async () => {
    const { id } = await receive(Rag.GREEN);
    const closed = await hub.cases.recordDecision(
      { caseId: id, outcome: DecisionOutcome.SIGNPOST, rationale: 'Housing advice', feedbackToReferrer: 'Signposted to housing' }, TRIAGE, at('2026-11-30T10:00:00Z'),
    );
    expect(closed).toMatchObject({ status: 'CLOSED', stage: 'CLOSED', feedbackToReferrer: 'Signposted to housing', feedbackSentAt: at('2026-11-30T10:00:00Z'), feedbackBy: 'triage-1' });
    expect(await refusal(hub.cases.recordFeedback({ caseId: id, sentAt: at('2026-11-30T10:00:00Z'), method: FeedbackMethod.EMAIL, summary: 'Again' }, TRIAGE))).toMatchObject({ field: 'caseId' });
  });
});
