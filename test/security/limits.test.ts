import { AGENCIES } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

// Issue 9 part 5: one request with 500 aliases of case(id) made about 2,000 agency fetches and 999
// access-log entries, took 11.5 s and left the agencies answering AGENCY_UNAVAILABLE to everyone.
const FIELDS = 'police { status } socialCare { status } health { status } education { status }';
const TRIAGE = `query($id: ID!) { case(id: $id) { reference subjects { givenName ${FIELDS} } } }`;

describe('request limits', () => {
  let federation: Federation;
  let redId: string;
  const requests = () => Object.fromEntries(AGENCIES.map((agency) => [agency, federation.agencies[agency].requests]));
  const newEntries = (after: number) =>
    federation.hub.dataSource.query('SELECT kind, decision, actor_id, rule, reason, request_id FROM audit_log WHERE seq > $1 ORDER BY seq', [after]);
  const lastSeq = async () => Number((await federation.hub.dataSource.query('SELECT coalesce(max(seq), 0) AS s FROM audit_log'))[0].s);
  const token = (sub: string, role: 'mash-triage' | 'governance' | 'agency-admin' = 'mash-triage') =>
    federation.token({ role, sub, ...(role === 'agency-admin' ? { agency: 'police' } : {}) });

  /** Asserts the request was refused whole, before any agency fetch, with one REQUEST_REFUSED entry. */
  async function expectRefused(query: string, who: string, limit: string, role: 'mash-triage' | 'governance' | 'agency-admin' = 'mash-triage') {
    const before = requests();
    const seq = await lastSeq();
    const started = performance.now();
    const { status, body } = await federation.query(query, {}, await token(who, role));
    const elapsed = performance.now() - started;
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit });
    expect(body.errors[0].message).toMatch(/^Request refused: .*\(MASH_[A-Z_]+\)\. Ask for less in one request, or split it\.$/);
    expect(requests()).toEqual(before);
    const entries = await newEntries(seq);
    expect(entries).toEqual([expect.objectContaining({ kind: 'REQUEST_REFUSED', decision: 'DENIED', actor_id: who, rule: limit })]);
    return elapsed;
  }

  beforeAll(async () => {
    // The in-flight queue on, small (two at a time): the rate is counted at admission, before a
    // request takes its turn, so the burst below still gets exactly the limit.
    federation = await startFederation({ limits: { ratePerMinute: 40, maxSubjects: 8 }, inFlight: { max: 2, queueTimeoutMs: 10_000 } });
    const { body } = await federation.query('{ cases(rag: [RED]) { id } }', {}, await token('setup'));
    redId = body.data.cases[0].id;
  });
  afterAll(() => federation?.stop());

  it('refuses 500 aliases of case(id) in well under a second, asking no agency, and answers a normal query right after', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `c${i}: case(id: "${redId}") { subjects { ${FIELDS} } }`).join(' ')} }`;
    const elapsed = await expectRefused(query, 'attacker-500', 'maxTokens');
    expect(elapsed).toBeLessThan(1000);
    process.stdout.write(`500-alias request refused in ${elapsed.toFixed(1)} ms\n`);

    const before = requests();
    const { body } = await federation.query(TRIAGE, { id: redId }, await token('triage-after'));
    expect(body.errors).toBeUndefined();
    expect(body.data.case.subjects.every((subject: any) => AGENCIES.every(() => subject.police.status === 'MATCHED'))).toBe(true);
    expect(Object.values(requests()).reduce((a, b) => a + b, 0)).toBeGreaterThan(Object.values(before).reduce((a, b) => a + b, 0));
  });

  it('refuses 20 aliases of case(id) (alias limit), and 10 aliases under it by cost: agency fields are dear', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: case(id: "${redId}") { subjects { ${FIELDS} } }`).join(' ')} }`;
    await expectRefused(aliased(20), 'attacker-20', 'maxAliases');
    await expectRefused(aliased(10), 'attacker-10', 'maxCost');
  });

  it('refuses 20 aliases of auditChain and 100 of policeDisclosures(limit: 500) before any is run', async () => {
    await expectRefused(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: auditChain { ok }`).join(' ')} }`, 'gov-chain', 'maxAliases', 'governance');
    await expectRefused(`{ ${Array.from({ length: 100 }, (_, i) => `d${i}: policeDisclosures(limit: 500) { grantId }`).join(' ')} }`, 'admin-100', 'maxAliases', 'agency-admin');
    // Under the alias limit the cost still counts: each chain check reads the whole log.
    await expectRefused(`{ ${Array.from({ length: 3 }, (_, i) => `a${i}: auditChain { ok }`).join(' ')} }`, 'gov-chain-3', 'maxCost', 'governance');
  });

  it('estimates cost through fragments and variables: every case\'s agency fields, not just the first', async () => {
    const query = `query($n: Int!) { cases(limit: $n) { ...Research } } fragment Research on Case { subjects { ...Agencies } } fragment Agencies on Subject { ${FIELDS} }`;
    const before = requests();
    const { status, body } = await federation.query(query, { n: 100 }, await token('bulk'));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'maxCost' });
    expect(body.errors[0].message).toMatch(/estimated cost is 200\d{3}, over the limit of 5000/);
    expect(requests()).toEqual(before);
    const small = await federation.query(query, { n: 1 }, await token('bulk'));
    expect(small.status).toBe(200);
  });

  it('reads at most maxSubjects people in one request, leaving the rest out before any agency is asked for them', async () => {
    const seq = await lastSeq();
    const { body } = await federation.query('{ cases(limit: 10) { reference subjects { id } } }', {}, await token('lister'));
    const read = body.data.cases.filter((item: any) => item.subjects).reduce((sum: number, item: any) => sum + item.subjects.length, 0);
    expect(read).toBeLessThanOrEqual(8);
    const refused = body.errors.filter((error: any) => error.extensions.limit === 'maxSubjects');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused[0].message).toMatch(/more than 8 people/);
    const recorded = (await newEntries(seq)).filter((entry: any) => entry.kind === 'REQUEST_REFUSED');
    expect(recorded).toEqual([expect.objectContaining({ actor_id: 'lister', rule: 'maxSubjects' })]);
  });

  it('limits each user\'s requests per minute (in this process), recording the first refusal of a burst once', async () => {
    const flooder = await token('flooder');
    const seq = await lastSeq();
    // All at once: the bucket refills one request every 1.5 s, so a burst sent one by one on a busy
    // machine could earn a request back before it ends.
    const statuses = await Promise.all(Array.from({ length: 45 }, async () => (await federation.query('{ __typename }', {}, flooder)).status));
    expect(statuses.filter((status) => status === 200)).toHaveLength(40);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    const refused = await federation.query('{ __typename }', {}, flooder);
    expect(refused.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', limit: 'ratePerMinute' });
    const entries = (await newEntries(seq)).filter((entry: any) => entry.kind === 'REQUEST_REFUSED');
    expect(entries).toEqual([expect.objectContaining({ actor_id: 'flooder', rule: 'ratePerMinute' })]);
    const other = await federation.query('{ __typename }', {}, await token('colleague'));
    expect(other.status).toBe(200);
  });

  it('answers an unknown or ambiguous operationName with 400', async () => {
    const two = 'query A { __typename } query B { __typename }';
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(federation.gateway.url, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('ops')}` }, body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const unknown = await post({ query: two, operationName: 'C' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await post({ query: two })).status).toBe(400);
    expect((await post({ query: two, operationName: 'B' })).body).toEqual({ data: { __typename: 'Query' } });
  });
});
