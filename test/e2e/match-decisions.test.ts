import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 8: a triage officer confirms or rejects an agency record for a subject; the next fetch
 * uses the decision (carried in the grant), and both the hub's access log and the agency's
 * disclosure log show it.
 */
const POLICE = `query($id: ID!) { case(id: $id) { subjects { id givenName familyName dateOfBirth police { status matches { matchedOn candidate { recordId givenName } } } } } }`;
const REFER = 'mutation($input: ReferralInput!) { receiveReferral(input: $input) { id subjects { id } } }';
const CONFIRM = 'mutation($input: MatchDecisionInput!) { confirmMatch(input: $input) { id decision recordId decidedBy } }';
const REJECT = 'mutation($input: MatchDecisionInput!) { rejectMatch(input: $input) { id decision recordId } }';

describe('confirming and rejecting matches', () => {
  let federation: Federation;
  let triage: string;
  let manager: string;
  let red: { subjects: { id: string; givenName: string; familyName: string; dateOfBirth: string; police: { status: string; matches: { candidate: { recordId: string } }[] } }[] };

  beforeAll(async () => {
    federation = await startFederation();
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-confirmer' });
    manager = await federation.token({ role: 'mash-manager', sub: 'manager-1' });
    const { body } = await federation.query('{ cases { id rag } }', {}, triage);
    const redId = body.data.cases.find((item: { rag: string }) => item.rag === 'RED').id;
    const answer = await federation.query(POLICE, { id: redId }, triage);
    expect(answer.body.errors).toBeUndefined();
    red = answer.body.data.case;
  });
  afterAll(() => federation?.stop());

  /** A new RED referral (rated by a manager, so open to agency data at once) naming one person. */
  async function refer(subject: Record<string, unknown>): Promise<{ caseId: string; subjectId: string }> {
    const { body } = await federation.query(REFER, {
      input: { referrerName: 'School DSL', concern: 'Test of match decisions', rag: 'RED', ragRationale: 'test', subjects: [{ householdRole: 'CHILD', ...subject }] },
    }, manager);
    expect(body.errors).toBeUndefined();
    return { caseId: body.data.receiveReferral.id, subjectId: body.data.receiveReferral.subjects[0].id };
  }

  it('uses a confirmed record at the next fetch, and records the decision on both sides', async () => {
    const [child] = red.subjects;
    const recordId = child.police.matches[0].candidate.recordId;
    // The same child after a change of family name and a move: not a match on its own.
    const { caseId, subjectId } = await refer({ givenName: child.givenName, familyName: 'Changedname', dateOfBirth: child.dateOfBirth, postcode: 'B78 1PZ' });
    const before = (await federation.query(POLICE, { id: caseId }, triage)).body.data.case.subjects[0].police;
    expect(before.status).not.toBe('MATCHED');

    const confirmed = await federation.query(CONFIRM, { input: { subjectId, agency: 'police', recordId, rationale: 'Same child: school confirmed the change of name' } }, triage);
    expect(confirmed.body.data.confirmMatch).toMatchObject({ decision: 'CONFIRMED', recordId, decidedBy: 'triage-confirmer' });

    const after = (await federation.query(POLICE, { id: caseId }, triage)).body.data.case.subjects[0].police;
    expect(after.status).toBe('MATCHED');
    expect(after.matches[0]).toMatchObject({ candidate: { recordId }, matchedOn: expect.arrayContaining(['CONFIRMED']) });

    const [entry] = await federation.hub.dataSource.query(`SELECT actor_id, agency, subject_ids FROM audit_log WHERE case_id = $1 AND rule = 'CONFIRM_MATCH'`, [caseId]);
    expect(entry).toMatchObject({ actor_id: 'triage-confirmer', agency: 'police', subject_ids: [subjectId] });
    const disclosed = await federation.agencies.police.database.dataSource.query(
      `SELECT match_status, record_ids FROM disclosure_log WHERE subject_id = $1 ORDER BY disclosed_at DESC LIMIT 1`, [subjectId]);
    expect(disclosed).toEqual([{ match_status: 'MATCHED', record_ids: [recordId] }]);
  });

  it('never matches or lists a rejected record for that subject again', async () => {
    const child = red.subjects[1];
    const recordId = child.police.matches[0].candidate.recordId;
    const { caseId, subjectId } = await refer({ givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth });
    const first = (await federation.query(POLICE, { id: caseId }, triage)).body.data.case.subjects[0].police;
    expect(first.matches.map((match: { candidate: { recordId: string } }) => match.candidate.recordId)).toContain(recordId);
    const rejected = await federation.query(REJECT, { input: { subjectId, agency: 'police', recordId, rationale: 'Different child: wrong school and address' } }, triage);
    expect(rejected.body.data.rejectMatch).toMatchObject({ decision: 'REJECTED', recordId });
    const police = (await federation.query(POLICE, { id: caseId }, triage)).body.data.case.subjects[0].police;
    expect(police.matches.map((match: { candidate: { recordId: string } }) => match.candidate.recordId)).not.toContain(recordId);
  });

  it('refuses a decision without a rationale or on an unknown subject, writing nothing', async () => {
    const count = async () => Number((await federation.hub.dataSource.query('SELECT count(*) AS n FROM mash_match_decision'))[0].n);
    const before = await count();
    const empty = await federation.query(CONFIRM, { input: { subjectId: red.subjects[0].id, agency: 'police', recordId: 'WK-NOM-0000001', rationale: ' ' } }, triage);
    expect(empty.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'rationale' } });
    const unknown = await federation.query(CONFIRM, { input: { subjectId: '00000000-0000-4000-8000-000000000000', agency: 'police', recordId: 'X', rationale: 'r' } }, triage);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const governance = await federation.token({ role: 'governance' });
    const forbidden = await federation.query(CONFIRM, { input: { subjectId: red.subjects[0].id, agency: 'police', recordId: 'X', rationale: 'r' } }, governance);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });
});
