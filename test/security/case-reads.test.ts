import { DEFAULT_POLICY } from '@mash/gateway/dist/policy';
import { startFederation, type Federation } from '../support/federation';

// Issue 9 part 7: reading a case's subjects (names, dates of birth, NHS numbers) and the concern
// left no trace in the access log; an agency fetch asked through a named fragment was logged with
// `fields: []`; governance could read identities from the case register.
describe('every read of personal data is in the access log; governance sees cases pseudonymised', () => {
  let federation: Federation;
  let triage: string;
  let governance: string;
  const cases: Record<string, { id: string; reference: string }> = {};
  let lastSeq = 0;
  const entriesSince = async (kind: string) => {
    const rows = await federation.hub.dataSource.query('SELECT * FROM audit_log WHERE seq > $1 AND kind = $2 ORDER BY seq', [lastSeq, kind]);
    return rows;
  };
  const mark = async () => {
    lastSeq = Number((await federation.hub.dataSource.query('SELECT coalesce(max(seq), 0) AS s FROM audit_log'))[0].s);
  };

  beforeAll(async () => {
    federation = await startFederation({ people: 200 });
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-reader' });
    governance = await federation.token({ role: 'governance', sub: 'dpo-1' });
    const { body } = await federation.query('{ cases { id reference rag } }', {}, triage);
    for (const item of body.data.cases) if (item.rag && !cases[item.rag]) cases[item.rag] = item;
  });
  afterAll(() => federation?.stop());

  it('records a triage read of a case once, with who, the case, its subjects and the fields read', async () => {
    await mark();
    const query = `query($id: ID!) {
      first: case(id: $id) { reference concern subjects { givenName familyName } }
      again: case(id: $id) { ...Identity }
    }
    fragment Identity on Case { subjects { dateOfBirth nhsNumber } }`;
    const { body } = await federation.query(query, { id: cases.RED.id }, triage);
    expect(body.errors).toBeUndefined();
    const reads = await entriesSince('CASE_READ');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actor_id: 'triage-reader', actor_roles: ['mash-triage'], case_id: cases.RED.id, decision: 'ALLOWED', rule: 'case-register-named',
      fields: ['concern', 'reference', 'subjects', 'subjects.dateOfBirth', 'subjects.familyName', 'subjects.givenName', 'subjects.nhsNumber'],
    });
    expect(reads[0].subject_ids).toHaveLength(3);
    expect(JSON.stringify(reads[0])).not.toContain(body.data.first.subjects[0].familyName);
  });

  it('does not count what the planner fetched for the agencies as read by the user, and names agency fields asked through fragments', async () => {
    await mark();
    const query = `query($id: ID!) { case(id: $id) { subjects { ...Research } } } fragment Research on Subject { police { ...Police } health { status } }
      fragment Police on PoliceView { status flags { code } }`;
    const { body } = await federation.query(query, { id: cases.RED.id }, triage);
    expect(body.errors).toBeUndefined();
    const [read] = await entriesSince('CASE_READ');
    expect(read.fields).toEqual(['subjects']);
    const fetches = await entriesSince('AGENCY_FETCH');
    expect(Object.fromEntries(fetches.map((entry: any) => [entry.agency, entry.fields]))).toEqual({
      police: ['police.flags.code', 'police.status'],
      health: ['health.status'],
    });
  });

  it('writes one entry per case for a list, in one go', async () => {
    await mark();
    const { body } = await federation.query('{ cases { reference rag } }', {}, triage);
    const reads = await entriesSince('CASE_READ');
    expect(reads).toHaveLength(body.data.cases.length);
    expect(new Set(reads.map((entry: any) => entry.request_id)).size).toBe(1);
    expect(reads.every((entry: any) => entry.fields.join() === 'rag,reference')).toBe(true);
  });

  it('shows governance references, ratings, dates and counts, never names, dates of birth, identifiers or the concern', async () => {
    await mark();
    const query = `query($id: ID!) {
      case(id: $id) { reference rag status dueBy receivedAt subjectCount ratingConfirmation concern referrerName subjects { givenName familyName dateOfBirth nhsNumber }
        ragHistory { rag ratedBy rationale } }
      cases { reference concern }
    }`;
    const { body } = await federation.query(query, { id: cases.RED.id }, governance);
    const text = JSON.stringify(body.data);
    const named = (await federation.query('query($id: ID!) { case(id: $id) { concern subjects { givenName familyName dateOfBirth } } }', { id: cases.RED.id }, triage)).body.data.case;
    for (const secret of [named.concern, ...named.subjects.flatMap((subject: any) => [subject.givenName, subject.familyName, subject.dateOfBirth])]) {
      expect(text).not.toContain(secret);
    }
    expect(body.data.case).toMatchObject({ reference: cases.RED.reference, rag: 'RED', subjectCount: 3, concern: null, referrerName: null, subjects: null });
    expect(body.data.case.ragHistory[0]).toMatchObject({ rag: 'RED', rationale: null });
    expect(body.data.cases.every((item: any) => item.reference && item.concern === null)).toBe(true);
    const withheld = body.errors.filter((error: any) => error.extensions.code === 'FORBIDDEN');
    expect(withheld.map((error: any) => error.path.join('.'))).toEqual(expect.arrayContaining(['case.concern', 'case.referrerName', 'case.subjects', 'case.ragHistory.0.rationale']));
    const [read] = (await entriesSince('CASE_READ')).filter((entry: any) => entry.case_id === cases.RED.id);
    expect(read).toMatchObject({ actor_id: 'dpo-1', rule: 'case-register-pseudonymised', subject_ids: [] });
    expect(read.fields).toEqual(expect.arrayContaining(['rag', 'reference', 'subjectCount', 'ragHistory.rag']));
    expect(read.fields).not.toContain('concern');
    expect(read.reason).toMatch(/^Pseudonymised view: withheld concern, .*subjects/);
  });

  it('shows governance identities in the cases of a named review the ISA policy allows, and only those', async () => {
    const policy = structuredClone(DEFAULT_POLICY);
    policy.version = '2026-12-01.review';
    policy.caseRegister.namedReviews = [
      { id: 'spr-2026-01', description: 'Safeguarding practice review', roles: ['governance'], caseReferences: [cases.RED.reference], until: '2099-12-31' },
    ];
    const proposed = await federation.query('mutation($d: String!) { proposeIsaPolicy(document: $d, reason: "practice review") { version } }', { d: JSON.stringify(policy) }, governance);
    expect(proposed.body.errors).toBeUndefined();
    // A named review widens who sees names: two governance leads other than the proposer check it.
    const approved = await federation.query(`mutation { approveIsaPolicy(version: "${policy.version}", reason: "board approved") { status } }`, {}, await federation.token({ role: 'governance', sub: 'dpo-checker-1' }));
    expect(approved.body.errors).toBeUndefined();
    const activated = await federation.query(`mutation { activateIsaPolicy(version: "${policy.version}", reason: "board approved") { status } }`, {}, await federation.token({ role: 'governance', sub: 'dpo-checker-2' }));
    expect(activated.body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the active policy is cached for 5 s
    await mark();
    const query = 'query($id: ID!) { case(id: $id) { concern subjects { familyName } } }';
    const reviewed = await federation.query(query, { id: cases.RED.id }, governance);
    expect(reviewed.body.errors).toBeUndefined();
    expect(reviewed.body.data.case.subjects).toHaveLength(3);
    const other = await federation.query(query, { id: cases.AMBER.id }, governance);
    expect(other.body.data.case).toEqual({ concern: null, subjects: null });
    const reads = await entriesSince('CASE_READ');
    expect(reads.find((entry: any) => entry.case_id === cases.RED.id)).toMatchObject({ rule: 'named-review:spr-2026-01', fields: ['concern', 'subjects', 'subjects.familyName'] });
  });
});
