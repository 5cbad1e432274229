import { AGENCIES } from '@mash/shared';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import type { CaseRegister } from '@mash/gateway/dist/hub/case-register';
import { startFederation, type Federation } from '../support/federation';

const HOUR = 3_600_000;
const MANAGER = { userId: 'manager', roles: ['mash-manager'] };
const VIEW = `query($id: ID!) { case(id: $id) { stage researchStartedAt subjects { police { status } socialCare { status } health { status } education { status } } } }`;

// Issue 11 through the GraphQL API: the queue by due time, the lifecycle mutations, information
// requests never opening agency data, and research starting on the first allowed fetch.
describe('the hub by its clock, through the API', () => {
  let federation: Federation;
  let register: CaseRegister;
  const tokens: Record<string, string> = {};
  let serial = 0;
  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) => (await federation.query(query, variables, tokens[who])).body;
  const requests = () => AGENCIES.reduce((sum, agency) => sum + federation.agencies[agency].requests, 0);

  function input(extra: Record<string, unknown> = {}) {
    serial += 1;
    return {
      referrerName: 'School DSL', referralSource: '2A', concern: 'Test concern',
      subjects: [{ householdRole: 'CHILD', givenName: 'Queue', familyName: `Clockcase${serial}`, dateOfBirth: '2014-02-03' }],
      ...extra,
    };
  }

  /** As GraphQL fills the defaults, for calls straight to the register. */
  const direct = (extra: Record<string, unknown>) => ({ pathway: 'CHILDREN', consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: false, ...input(extra) }) as never;

  beforeAll(async () => {
    federation = await startFederation();
    register = hubServices(federation.hub.dataSource).cases;
    for (const [who, role] of [['triage', 'mash-triage'], ['manager', 'mash-manager'], ['governance', 'governance']]) {
      tokens[who] = await federation.token({ role: role as 'mash-triage', sub: who });
    }
  });
  afterAll(() => federation?.stop());

  it('lists overdue cases soonest due first, and only those still waiting for a decision', async () => {
    const now = Date.now();
    // Received in the past through the register (the API stamps the present): each is overdue by now.
    const green = await register.receiveReferral(direct({ rag: 'GREEN', ragRationale: 'Advice' }), MANAGER, new Date(now - 30 * 24 * HOUR));
    const red = await register.receiveReferral(direct({ rag: 'RED', ragRationale: 'Risk' }), MANAGER, new Date(now - 5 * HOUR));
    const amber = await register.receiveReferral(direct({ rag: 'AMBER', ragRationale: 'Checks' }), MANAGER, new Date(now - 48 * HOUR));
    const decided = await register.receiveReferral(direct({ rag: 'AMBER', ragRationale: 'Checks' }), MANAGER, new Date(now - 72 * HOUR));
    await register.recordDecision({ caseId: decided.id, outcome: 'EARLY_HELP', rationale: 'Offer' } as never, MANAGER);
    const fresh = await gql('triage', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id overdue } }`, { input: input({ rag: 'GREEN', ragRationale: 'Advice' }) });
    expect(fresh.data.receiveReferral.overdue).toBe(false);

    const body = await gql('triage', '{ cases(overdue: true, limit: 200) { id reference dueBy overdue stage } }');
    expect(body.errors).toBeUndefined();
    const listed = body.data.cases;
    const ours = listed.filter((item: { id: string }) => [green.id, red.id, amber.id].includes(item.id)).map((item: { id: string }) => item.id);
    expect(ours).toEqual([green.id, amber.id, red.id]);
    const dues = listed.map((item: { dueBy: string }) => Date.parse(item.dueBy));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(listed.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
    expect(listed.map((item: { id: string }) => item.id)).not.toContain(decided.id);
    expect(listed.map((item: { id: string }) => item.id)).not.toContain(fresh.data.receiveReferral.id);

    // The whole queue: undecided first by due time, then decided-but-open, then closed.
    const queue = (await gql('triage', '{ cases(limit: 200) { id status decidedAt dueBy } }')).data.cases;
    const position = (item: { status: string; decidedAt: string | null }) => (item.status === 'CLOSED' ? 2 : item.decidedAt ? 1 : 0);
    expect(queue.map(position)).toEqual(queue.map(position).sort());
    expect(queue.findIndex((item: { id: string }) => item.id === decided.id)).toBeGreaterThan(queue.findIndex((item: { id: string }) => item.id === green.id));
  });

  it('filters by assignee, mine, kind, stage and pathway, and assigns over the API', async () => {
    const { id } = (await gql('triage', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id } }`, { input: input() })).data.receiveReferral;
    const assigned = await gql('manager', `mutation($id: ID!) { assignCase(caseId: $id, assigneeId: "triage", rationale: "Yours") { assigneeId assignmentHistory { assigneeId assignedBy rationale } } }`, { id });
    expect(assigned.data.assignCase).toEqual({ assigneeId: 'triage', assignmentHistory: [{ assigneeId: 'triage', assignedBy: 'manager', rationale: 'Yours' }] });
    const mine = (await gql('triage', '{ cases(mine: true) { id } }')).data.cases.map((item: { id: string }) => item.id);
    expect(mine).toEqual([id]);
    expect((await gql('manager', '{ cases(mine: true) { id } }')).data.cases).toEqual([]);
    expect((await gql('manager', '{ cases(assignee: "triage", stage: [RECEIVED], kind: REFERRAL, pathway: CHILDREN) { id } }')).data.cases).toEqual([{ id }]);
    expect((await gql('manager', '{ cases(assignee: "triage", stage: [RATED]) { id } }')).data.cases).toEqual([]);
    const both = await gql('triage', '{ cases(mine: true, assignee: "x") { id } }');
    expect(both.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mine' });
    // Governance sees who, not why.
    const governance = await gql('governance', `query($id: ID!) { case(id: $id) { assigneeId assignmentHistory { assignedBy rationale } } }`, { id });
    expect(governance.data.case.assigneeId).toBe('triage');
    expect(governance.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses to close a case over the API without feedback, naming the field, and closes it with feedback', async () => {
    const received = await gql('manager', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id } }`, { input: input({ rag: 'GREEN', ragRationale: 'Advice' }) });
    const id = received.data.receiveReferral.id;
    await gql('triage', `mutation($id: ID!) { recordDecision(input: { caseId: $id, outcome: SIGNPOST, rationale: "Housing" }) { stage } }`, { id });
    const refused = await gql('triage', `mutation($id: ID!) { closeCase(input: { caseId: $id }) { status } }`, { id });
    expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'feedbackWithheldReason' });
    const sentAt = new Date().toISOString();
    const told = await gql('triage', `mutation($id: ID!, $at: DateTimeISO!) { recordFeedback(input: { caseId: $id, sentAt: $at, method: EMAIL, summary: "Signposted to housing" }) { stage feedbackMethod feedbackBy } }`, { id, at: sentAt });
    expect(told.data.recordFeedback).toEqual({ stage: 'FEEDBACK_GIVEN', feedbackMethod: 'EMAIL', feedbackBy: 'triage' });
    const closed = await gql('triage', `mutation($id: ID!) { closeCase(input: { caseId: $id }) { status stage closedAt minutesToRating minutesToDecision ratedAt decidedAt feedbackSentAt } }`, { id });
    expect(closed.data.closeCase).toMatchObject({ status: 'CLOSED', stage: 'CLOSED', minutesToRating: 0, minutesToDecision: expect.any(Number), feedbackSentAt: sentAt });
  });

  it('makes one case of a retried portal submission, and links a re-referral', async () => {
    const submission = input({ referralSource: '1A' });
    const send = () => gql('triage', `mutation($input: ReferralInput!) { receiveReferral(input: $input, idempotencyKey: "portal-abc-123") { id reference } }`, { input: submission });
    const [first, second] = [await send(), await send()];
    expect(second.data.receiveReferral).toEqual(first.data.receiveReferral);
    const again = await gql('triage', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id reReferralOf { id reference } } }`, { input: { ...submission, concern: 'New worry' } });
    expect(again.data.receiveReferral.reReferralOf).toEqual(first.data.receiveReferral);
    const earlier = await gql('triage', `query($id: ID!) { case(id: $id) { reReferrals { id } } }`, { id: first.data.receiveReferral.id });
    expect(earlier.data.case.reReferrals).toEqual([{ id: again.data.receiveReferral.id }]);
  });

  it('never opens agency data for an information request, even rated RED by a manager, and asks no agency', async () => {
    const received = await gql('manager', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id kind informationRequester ratingConfirmation } }`, {
      input: input({ kind: 'INFORMATION_REQUEST', informationRequester: 'FAMILY_COURT', referralSource: '7', rag: 'RED', ragRationale: 'Court says risk' }),
    });
    expect(received.data.receiveReferral).toMatchObject({ kind: 'INFORMATION_REQUEST', informationRequester: 'FAMILY_COURT', ratingConfirmation: 'CONFIRMED' });
    const id = received.data.receiveReferral.id;
    const before = requests();
    const view = await gql('triage', VIEW, { id });
    const denied = view.errors.filter((error: { extensions: { code: string } }) => error.extensions.code === 'ISA_DENIED');
    expect(denied).toHaveLength(4);
    expect(new Set(denied.map((error: { extensions: { rule: string } }) => error.extensions.rule))).toEqual(new Set(['information-request-no-agency-data']));
    expect(requests()).toBe(before);
    expect(view.data.case).toMatchObject({ stage: 'RATED', researchStartedAt: null });
    const log = await federation.hub.dataSource.query(`SELECT DISTINCT agency, decision, rule FROM audit_log WHERE case_id = $1 AND kind = 'AGENCY_FETCH'`, [id]);
    expect(log).toHaveLength(4);
    expect(log.every((row: { decision: string; rule: string }) => row.decision === 'DENIED' && row.rule === 'information-request-no-agency-data')).toBe(true);
  });

  it('starts research on the first allowed agency fetch, once', async () => {
    const received = await gql('manager', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id stage researchStartedAt } }`, { input: input({ rag: 'AMBER', ragRationale: 'Checks' }) });
    expect(received.data.receiveReferral).toMatchObject({ stage: 'RATED', researchStartedAt: null });
    const id = received.data.receiveReferral.id;
    const before = Date.now();
    await gql('triage', VIEW, { id });
    const [first] = await federation.hub.dataSource.query(`SELECT stage, research_started_at FROM mash_case WHERE id = $1`, [id]);
    expect(first.stage).toBe('IN_RESEARCH');
    expect(first.research_started_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await gql('triage', VIEW, { id });
    const [second] = await federation.hub.dataSource.query(`SELECT research_started_at FROM mash_case WHERE id = $1`, [id]);
    expect(second.research_started_at).toEqual(first.research_started_at);
  });
  it("answers a case's subjects under every alias and selection, null for a case not found, withheld from the pseudonymised view", async () => {
    const twoPeople = input({ rag: 'GREEN', ragRationale: 'Advice' });
    twoPeople.subjects = [...twoPeople.subjects, { householdRole: 'SIBLING', givenName: 'Ahead', familyName: `Clockcase${serial}`, dateOfBirth: '2016-05-06' }];
    const { id } = (await gql('triage', `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id } }`, { input: twoPeople })).data.receiveReferral;
    const expected = await federation.hub.dataSource.query('SELECT id FROM mash_subject WHERE case_id = $1 ORDER BY household_role, family_name, given_name', [id]);
    const ids = expected.map((row: { id: string }) => row.id);
    const body = await gql(
      'triage',
      `query($id: ID!) { a: case(id: $id) { subjects { id } } b: case(id: $id) { subjects { id } again: subjects { id } } missing: case(id: "00000000-0000-4000-8000-000000000000") { subjects { id } } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    expect(ids).toHaveLength(2);
    for (const list of [body.data.a.subjects, body.data.b.subjects, body.data.b.again]) expect(list.map((subject: { id: string }) => subject.id)).toEqual(ids);
    expect(body.data.missing).toBeNull();
    const governance = await gql('governance', `query($id: ID!) { case(id: $id) { subjectCount subjects { id } } }`, { id });
    expect(governance.data.case).toEqual({ subjectCount: 2, subjects: null });
    expect(governance.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
