import { AGENCIES } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

// Issue 9 part 1: one triage user alone could open anyone's records by rating a referral RED or
// AMBER (or re-rating GREEN -> RED -> read -> GREEN). Now a rating that opens sharing is given by a
// manager or confirmed by a second person; RED shares at once but raises a review.
const RECEIVE = `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id ratingConfirmation ratingReview { id kind status } } }`;
const RATE = `mutation($input: RateCaseInput!) { rateCase(input: $input) { id rag ratingConfirmation ratingReview { id kind status } } }`;
const CONFIRM = `mutation($caseId: ID!, $why: String!) { confirmRating(caseId: $caseId, rationale: $why) { ratingConfirmation ratingReview { status closedBy } } }`;
const OVERTURN = `mutation($caseId: ID!, $why: String!) { overturnRating(caseId: $caseId, rationale: $why) { ratingConfirmation ratingReviews { status kind } } }`;
const VIEW = `query($id: ID!) { case(id: $id) { subjects { police { status } health { status } } } }`;

describe('separation of duties for opening a case to agencies', () => {
  let federation: Federation;
  const tokens: Record<string, string> = {};
  let serial = 0;

  const requests = () => AGENCIES.reduce((sum, agency) => sum + federation.agencies[agency].requests, 0);
  const as = (who: string) => tokens[who];
  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) => (await federation.query(query, variables, as(who))).body;
  const audit = async (caseId: string, kind: string) =>
    federation.hub.dataSource.query(`SELECT actor_id, decision, rule, reason FROM audit_log WHERE case_id = $1 AND kind = $2 ORDER BY seq`, [caseId, kind]);

  /** A referral naming two people nobody knows, as an attacker would write it. */
  async function receive(who: string, rag: string | null): Promise<string> {
    serial += 1;
    const input = {
      referrerName: 'Anonymous', concern: 'Made-up concern to open records',
      ...(rag ? { rag, ragRationale: 'I say so' } : {}),
      subjects: [
        { householdRole: 'CHILD', givenName: 'Target', familyName: `Person${serial}`, dateOfBirth: '2014-02-03' },
        { householdRole: 'PARENT', givenName: 'Other', familyName: `Person${serial}`, dateOfBirth: '1984-05-06' },
      ],
    };
    const body = await gql(who, RECEIVE, { input });
    expect(body.errors).toBeUndefined();
    return body.data.receiveReferral.id;
  }

  /** 'shared' when agencies were asked, else the ISA_DENIED rule; agencies must not be called when denied. */
  async function outcome(who: string, caseId: string): Promise<string> {
    const before = requests();
    const body = await gql(who, VIEW, { id: caseId });
    const denied = (body.errors ?? []).filter((error: any) => error.extensions.code === 'ISA_DENIED');
    if (denied.length === 0) {
      expect(body.data.case.subjects[0].police.status).toMatch(/MATCHED|NOT_KNOWN|AMBIGUOUS/);
      return 'shared';
    }
    expect(requests()).toBe(before);
    expect(body.data.case.subjects.every((subject: any) => subject.police === null && subject.health === null)).toBe(true);
    return denied[0].extensions.rule;
  }

  beforeAll(async () => {
    federation = await startFederation();
    for (const [who, role] of [['triageA', 'mash-triage'], ['triageB', 'mash-triage'], ['triageC', 'mash-triage'], ['manager', 'mash-manager'], ['manager2', 'mash-manager']]) {
      tokens[who] = await federation.token({ role: role as 'mash-triage', sub: who });
    }
  });
  afterAll(() => federation?.stop());

  it('lets a triage user\'s RED referral share at once, but raises a review a manager sees', async () => {
    const caseId = await receive('triageA', 'RED');
    expect(await outcome('triageA', caseId)).toBe('shared');
    const queue = await gql('manager', '{ ratingReviews { caseId kind status rag ratedBy recordedBy } }');
    expect(queue.data.ratingReviews).toContainEqual({ caseId, kind: 'URGENT', status: 'OPEN', rag: 'RED', ratedBy: 'triageA', recordedBy: 'triageA' });
    const [received] = await audit(caseId, 'CASE_MUTATION');
    expect(received).toMatchObject({ actor_id: 'triageA', rule: 'RECEIVE_REFERRAL' });
    expect(received.reason).toMatch(/rag=RED rating=\S+ confirmation=URGENT_AWAITING_REVIEW review=\S+ URGENT opened/);
  });

  it('denies an AMBER rating by one triage user (ISA_DENIED) until a second person confirms it', async () => {
    const caseId = await receive('triageA', 'AMBER');
    expect(await outcome('triageA', caseId)).toBe('rating-unconfirmed');
    const own = await gql('triageA', CONFIRM, { caseId, why: 'I agree with myself' });
    expect(own.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(own.errors[0].message).toMatch(/You gave this rating/);
    expect(await outcome('triageA', caseId)).toBe('rating-unconfirmed');

    const second = await gql('triageB', CONFIRM, { caseId, why: 'Attendance and health concerns justify research' });
    expect(second.errors).toBeUndefined();
    expect(second.data.confirmRating).toEqual({ ratingConfirmation: 'CONFIRMED', ratingReview: { status: 'CONFIRMED', closedBy: 'triageB' } });
    expect(await outcome('triageA', caseId)).toBe('shared');
    const steps = await audit(caseId, 'CASE_MUTATION');
    expect(steps.map((step: any) => [step.actor_id, step.rule])).toEqual([['triageA', 'RECEIVE_REFERRAL'], ['triageB', 'CONFIRM_RATING']]);
    const denials = await federation.hub.dataSource.query(
      `SELECT DISTINCT rule FROM audit_log WHERE case_id = $1 AND kind = 'AGENCY_FETCH' AND decision = 'DENIED'`, [caseId]);
    expect(denials).toEqual([{ rule: 'rating-unconfirmed' }]);
  });

  it('never lets whoever recorded the referral be the one who confirms its rating', async () => {
    const caseId = await receive('triageA', null);
    expect((await gql('triageB', RATE, { input: { caseId, rag: 'AMBER', rationale: 'Needs research' } })).data.rateCase.ratingConfirmation).toBe('AWAITING_CONFIRMATION');
    const recorder = await gql('triageA', CONFIRM, { caseId, why: 'Colleague is right' });
    expect(recorder.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(recorder.errors[0].message).toMatch(/You recorded this referral/);
    expect(await outcome('triageB', caseId)).toBe('rating-unconfirmed');
    expect((await gql('triageC', CONFIRM, { caseId, why: 'Agreed' })).data.confirmRating.ratingConfirmation).toBe('CONFIRMED');
    expect(await outcome('triageB', caseId)).toBe('shared');
  });

  it('stops fetches once a manager overturns an urgent rating, and a triage RED then waits for a second person', async () => {
    const caseId = await receive('triageA', 'RED');
    expect(await outcome('triageA', caseId)).toBe('shared');
    const notManager = await gql('triageB', OVERTURN, { caseId, why: 'No' });
    expect(notManager.errors[0].extensions.code).toBe('FORBIDDEN');
    const overturned = await gql('manager', OVERTURN, { caseId, why: 'No immediate risk described; re-triage' });
    expect(overturned.data.overturnRating).toEqual({ ratingConfirmation: 'OVERTURNED', ratingReviews: [{ status: 'OVERTURNED', kind: 'URGENT' }] });
    expect(await outcome('triageA', caseId)).toBe('rating-overturned');
    const [, step] = await audit(caseId, 'CASE_MUTATION');
    expect(step).toMatchObject({ actor_id: 'manager', rule: 'OVERTURN_RATING' });

    const again = await gql('triageA', RATE, { input: { caseId, rag: 'RED', rationale: 'Still worried' } });
    expect(again.data.rateCase.ratingConfirmation).toBe('AWAITING_CONFIRMATION');
    expect(await outcome('triageA', caseId)).toBe('rating-unconfirmed');
  });

  it('leaves an open review after GREEN -> RED -> read -> GREEN by one triage user', async () => {
    const caseId = await receive('triageA', 'GREEN');
    expect(await outcome('triageA', caseId)).toBe('green-no-agency-data');
    await gql('triageA', RATE, { input: { caseId, rag: 'RED', rationale: 'Escalating' } });
    expect(await outcome('triageA', caseId)).toBe('shared');
    const back = await gql('triageA', RATE, { input: { caseId, rag: 'GREEN', rationale: 'Never mind' } });
    expect(back.data.rateCase).toMatchObject({ rag: 'GREEN', ratingConfirmation: 'NOT_NEEDED', ratingReview: null });
    const queue = await gql('manager', '{ ratingReviews { caseId kind status rag ratedBy } }');
    expect(queue.data.ratingReviews).toContainEqual({ caseId, kind: 'URGENT', status: 'OPEN', rag: 'RED', ratedBy: 'triageA' });
    const closed = await gql('manager', OVERTURN, { caseId, why: 'Re-rating to read records and back is not acceptable' });
    expect(closed.data.overturnRating.ratingConfirmation).toBe('NOT_NEEDED');
    expect(closed.data.overturnRating.ratingReviews).toEqual([{ status: 'OVERTURNED', kind: 'URGENT' }]);
  });

  it('opens a case at once when a manager rates a referral someone else recorded, and needs confirming again after down-and-up', async () => {
    const caseId = await receive('triageA', null);
    const rated = await gql('manager', RATE, { input: { caseId, rag: 'AMBER', rationale: 'Manager triage' } });
    expect(rated.data.rateCase).toMatchObject({ ratingConfirmation: 'CONFIRMED', ratingReview: null });
    expect(await outcome('triageA', caseId)).toBe('shared');
    expect((await gql('triageA', RATE, { input: { caseId, rag: 'RED', rationale: 'Worse' } })).data.rateCase.ratingConfirmation).toBe('CONFIRMED');
    await gql('triageA', RATE, { input: { caseId, rag: 'GREEN', rationale: 'Down' } });
    expect((await gql('triageA', RATE, { input: { caseId, rag: 'AMBER', rationale: 'Up again' } })).data.rateCase.ratingConfirmation).toBe('AWAITING_CONFIRMATION');
    expect(await outcome('triageA', caseId)).toBe('rating-unconfirmed');
  });

  it('opens a referral a manager records and rates on receipt, as the manager\'s own rating', async () => {
    const caseId = await receive('manager', 'AMBER');
    expect(await outcome('triageA', caseId)).toBe('shared');
    // ...but the manager who recorded a referral is never the one who confirms someone else's rating of it.
    await gql('triageA', RATE, { input: { caseId, rag: 'GREEN', rationale: 'Down' } });
    await gql('triageA', RATE, { input: { caseId, rag: 'AMBER', rationale: 'Up' } });
    expect((await gql('manager', CONFIRM, { caseId, why: 'Agreed' })).errors[0].message).toMatch(/You recorded this referral/);
  });

  it('lets a manager still close the review of an urgent rating after the case was closed', async () => {
    const caseId = await receive('triageA', 'RED');
    expect(await outcome('triageA', caseId)).toBe('shared');
    const decided = await gql('triageA', `mutation($input: DecisionInput!) { recordDecision(input: $input) { status } }`, {
      input: {
        caseId, outcome: 'NO_FURTHER_ACTION', rationale: 'Nothing found', feedbackToReferrer: 'No further action',
        strategyDiscussionAt: new Date().toISOString(), strategyDiscussionAttendees: ['police', "children's social care"],
      },
    });
    expect(decided.data.recordDecision.status).toBe('CLOSED');
    const queue = await gql('manager', '{ ratingReviews { caseId status } }');
    expect(queue.data.ratingReviews).toContainEqual({ caseId, status: 'OPEN' });
    const overturned = await gql('manager', OVERTURN, { caseId, why: 'Rated RED to read records, closed straight after' });
    expect(overturned.data.overturnRating.ratingConfirmation).toBe('OVERTURNED');
    expect(await outcome('triageA', caseId)).toBe('rating-overturned');
  });

  it('lets only a manager close an urgent review, and explains why not to a colleague', async () => {
    const caseId = await receive('triageA', 'RED');
    const colleague = await gql('triageB', CONFIRM, { caseId, why: 'Agreed' });
    expect(colleague.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(colleague.errors[0].message).toMatch(/urgent RED rating is confirmed or overturned by a mash-manager/);
    expect((await gql('manager', CONFIRM, { caseId, why: 'Agreed: immediate risk' })).data.confirmRating.ratingConfirmation).toBe('CONFIRMED');
    const nothing = await gql('manager2', CONFIRM, { caseId, why: 'Again' });
    expect(nothing.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
  });
});
