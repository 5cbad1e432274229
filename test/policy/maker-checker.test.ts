import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DEFAULT_POLICY, POLICY_REFUSALS, policyResolvers, type PolicyContext, type PolicyDocument } from '../../gateway/src/policy';
import type { AuthenticatedUser, HubRole } from '../../gateway/src/auth/user';
import { verifyChain } from '../../gateway/src/audit';
import { openHub, type TestHub } from '../hub/support';

const person = (id: string, role: HubRole = 'governance'): AuthenticatedUser => ({ id, name: null, roles: [role], organisation: 'hub', agency: null });

function version(label: string, change: (doc: PolicyDocument) => void = () => {}): string {
  const doc = structuredClone(DEFAULT_POLICY);
  doc.version = label;
  change(doc);
  return JSON.stringify(doc);
}

/** Sharing for GREEN cases too: a widening change. */
const shareGreen = (doc: PolicyDocument) => {
  doc.rules = doc.rules.filter((rule) => rule.id !== 'green-no-agency-data');
  doc.rules.find((rule) => rule.id === 'triage-open-red-amber')!.rag.push('GREEN');
};

const VERSION_FIELDS = 'version status proposedBy activatedBy retiredBy retirementReason approvals { approver reason } widening approversNeeded approversHave';

describe('ISA maker-checker through GraphQL, with the access log', () => {
  let hub: TestHub;
  let schema: GraphQLSchema;

  const run = async (who: AuthenticatedUser, source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, variableValues, contextValue: { user: who, policies: hub.policies } satisfies PolicyContext }) as Promise<{ data?: any; errors?: any[] }>;
  const propose = (who: string, document: string) => run(person(who), `mutation($d: String!) { proposeIsaPolicy(document: $d, reason: "Board paper 12") { ${VERSION_FIELDS} } }`, { d: document });
  const step = (who: string, mutation: 'approveIsaPolicy' | 'activateIsaPolicy' | 'withdrawIsaPolicy', label: string, reason = `${who} agrees`) =>
    run(person(who), `mutation($v: String!, $r: String!) { ${mutation}(version: $v, reason: $r) { ${VERSION_FIELDS} } }`, { v: label, r: reason });
  const refusal = (result: { errors?: any[] }) => ({ code: result.errors?.[0]?.extensions?.code, refusal: result.errors?.[0]?.extensions?.refusal, message: result.errors?.[0]?.message });
  const logOf = (label: string) =>
    hub.db.dataSource.query(`SELECT actor_id, decision, rule, reason FROM audit_log WHERE kind = 'POLICY_CHANGE' AND policy_version = $1 ORDER BY seq`, [label]) as Promise<
      { actor_id: string; decision: string; rule: string; reason: string }[]
    >;
  const activeVersion = async () => (await hub.policies.active())?.version;

  beforeAll(async () => {
    hub = await openHub('hub-maker-checker');
    schema = await buildSchema({ resolvers: policyResolvers, validate: false });
  });
  afterAll(() => hub?.close());

  it('installed the default on the empty hub without checkers, and logged it', async () => {
    expect(await activeVersion()).toBe('2026-11-01.5');
    expect((await logOf('2026-11-01.5')).map((e) => [e.actor_id, e.decision, e.reason])).toEqual([
      ['test', 'RECORDED', 'PROPOSED: Default ISA policy installed on first start'],
      ['test', 'RECORDED', 'ACTIVATED: Default ISA policy installed on first start (checked by nobody (first install); widening: 1 finding)'],
    ]);
  });

  it('refuses activation and approval by the proposer, then lets another governance lead activate a non-widening change', async () => {
    const label = '2026-12-01.amber-8h';
    const proposed = await propose('gov-a', version(label, (doc) => (doc.timescalesHours.AMBER = 8)));
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.proposeIsaPolicy).toMatchObject({ status: 'DRAFT', proposedBy: 'gov-a', widening: [], approversNeeded: 1, approversHave: 0, approvals: [] });

    const selfActivated = await step('gov-a', 'activateIsaPolicy', label);
    expect(refusal(selfActivated)).toEqual({
      code: 'FORBIDDEN', refusal: POLICY_REFUSALS.proposerActivates,
      message: `You proposed version ${label}, so you cannot activate it: another governance lead must (maker-checker).`,
    });
    const selfApproved = await step('gov-a', 'approveIsaPolicy', label);
    expect(refusal(selfApproved)).toMatchObject({ code: 'FORBIDDEN', refusal: POLICY_REFUSALS.proposerApproves, message: expect.stringMatching(/^You proposed version .*, so you cannot approve it/) });
    expect(await activeVersion()).toBe('2026-11-01.5');

    const activated = await step('gov-b', 'activateIsaPolicy', label, 'Board approved 2026-11-20');
    expect(activated.errors).toBeUndefined();
    expect(activated.data.activateIsaPolicy).toMatchObject({ status: 'ACTIVE', activatedBy: 'gov-b', widening: [], approversNeeded: 1, approversHave: 1, approvals: [] });
    expect(await activeVersion()).toBe(label);

    expect(await logOf(label)).toEqual([
      { actor_id: 'gov-a', decision: 'RECORDED', rule: expect.stringMatching(/^[0-9a-f]{64}$/), reason: 'PROPOSED: Board paper 12' },
      { actor_id: 'gov-a', decision: 'DENIED', rule: 'maker-checker-proposer-activates', reason: expect.stringMatching(/^ACTIVATED refused: You proposed version .* Reason given: gov-a agrees$/) },
      { actor_id: 'gov-a', decision: 'DENIED', rule: 'maker-checker-proposer-approves', reason: expect.stringMatching(/^APPROVED refused: You proposed version/) },
      { actor_id: 'gov-b', decision: 'RECORDED', rule: expect.stringMatching(/^[0-9a-f]{64}$/), reason: 'ACTIVATED: Board approved 2026-11-20 (retired 2026-11-01.5; checked by gov-b)' },
    ]);
  });

  it('refuses a widening change with one approver other than the proposer, and activates it with two', async () => {
    const label = '2026-12-02.green';
    const proposed = await propose('gov-a', version(label, shareGreen));
    const draft = proposed.data.proposeIsaPolicy;
    expect(draft).toMatchObject({ status: 'DRAFT', approversNeeded: 2, approversHave: 0 });
    expect(draft.widening).toEqual(["mash-triage would see every agency's data for GREEN open cases (fields: none released)", "mash-manager would see every agency's data for GREEN open cases (fields: none released)"]);

    const alone = await step('gov-b', 'activateIsaPolicy', label);
    expect(refusal(alone)).toEqual({
      code: 'BAD_USER_INPUT', refusal: POLICY_REFUSALS.tooFewApprovers,
      message: `Version ${label} needs 2 approvers other than its proposer, the activator included, because it widens sharing (2 findings, first: mash-triage would see every agency's data for GREEN open cases (fields: none released)); it has 1 with you. Ask another governance lead to approve it first.`,
    });
    const approved = await step('gov-b', 'approveIsaPolicy', label, 'Pilot agreed by the board');
    expect(approved.data.approveIsaPolicy).toMatchObject({ status: 'DRAFT', approversHave: 1, approvals: [{ approver: 'gov-b', reason: 'Pilot agreed by the board' }] });
    expect(refusal(await step('gov-b', 'approveIsaPolicy', label))).toMatchObject({ code: 'BAD_USER_INPUT', refusal: POLICY_REFUSALS.alreadyApproved });
    // The same approver activating still counts once: one checker, two needed.
    expect(refusal(await step('gov-b', 'activateIsaPolicy', label))).toMatchObject({ refusal: POLICY_REFUSALS.tooFewApprovers, message: expect.stringContaining('it has 1 with you') });
    expect(await activeVersion()).toBe('2026-12-01.amber-8h');

    const activated = await step('gov-c', 'activateIsaPolicy', label, 'Second signature');
    expect(activated.errors).toBeUndefined();
    expect(activated.data.activateIsaPolicy).toMatchObject({ status: 'ACTIVE', activatedBy: 'gov-c', approversNeeded: 2, approversHave: 2, widening: draft.widening });
    expect(await activeVersion()).toBe(label);

    const log = await logOf(label);
    expect(log.map((e) => [e.actor_id, e.decision, e.decision === 'DENIED' ? e.rule : e.reason.split(':')[0]])).toEqual([
      ['gov-a', 'RECORDED', 'PROPOSED'],
      ['gov-b', 'DENIED', 'maker-checker-too-few-approvers'],
      ['gov-b', 'RECORDED', 'APPROVED'],
      ['gov-b', 'DENIED', 'maker-checker-already-approved'],
      ['gov-b', 'DENIED', 'maker-checker-too-few-approvers'],
      ['gov-c', 'RECORDED', 'ACTIVATED'],
    ]);
    expect(log[5].reason).toBe('ACTIVATED: Second signature (retired 2026-12-01.amber-8h; checked by gov-b, gov-c; widening: 2 findings)');
    const retired = (await run(person('gov-a'), `{ isaPolicyVersions { version status retiredBy retirementReason } }`)).data.isaPolicyVersions;
    expect(retired.find((v: { version: string }) => v.version === '2026-12-01.amber-8h')).toEqual({
      version: '2026-12-01.amber-8h', status: 'RETIRED', retiredBy: 'gov-c', retirementReason: `Replaced by version ${label}`,
    });
  });

  it('withdraws a draft, which can then never be activated', async () => {
    const label = '2026-12-03.withdrawn';
    await propose('gov-a', version(label, (doc) => (doc.timescalesHours.RED = 1)));
    const withdrawn = await step('gov-d', 'withdrawIsaPolicy', label, 'Superseded by the regional agreement');
    expect(withdrawn.data.withdrawIsaPolicy).toMatchObject({ status: 'RETIRED', retiredBy: 'gov-d', retirementReason: 'Superseded by the regional agreement', activatedBy: null });
    expect(refusal(await step('gov-b', 'activateIsaPolicy', label))).toEqual({ code: 'BAD_USER_INPUT', refusal: undefined, message: `Version ${label} is RETIRED; only a DRAFT version can be activated.` });
    expect((await logOf(label)).map((e) => [e.actor_id, e.decision, e.reason])).toEqual([
      ['gov-a', 'RECORDED', 'PROPOSED: Board paper 12'],
      ['gov-d', 'RECORDED', 'WITHDRAWN: Superseded by the regional agreement'],
    ]);
  });

  it('refuses a proposal that would give governance content, share unrated cases or keep closed cases readable for a month', async () => {
    const result = await propose('gov-a', version('2026-12-05.unsafe', (doc) => {
      doc.rules.find((rule) => rule.id === 'triage-open-red-amber')!.roles.push('governance');
      doc.classificationAccess[0].rag.push('UNRATED');
      doc.closedCaseWindowHours = 720;
    }));
    expect(refusal(result).code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.errors).toEqual([
      '/rules/3/roles/2: an ALLOW rule may not name "governance"; governance and agency-admin never see agency content',
      '/classificationAccess/0/rag/1: an entry may not name UNRATED; unrated cases are never shared',
      '/closedCaseWindowHours 720 is above the cap of 168 hours (one week): the window after closure is for recording the decision, not for keeping agency data readable',
    ]);
    expect(await hub.policies.find('2026-12-05.unsafe')).toBeNull();
  });

  it('keeps only governance changing the ISA', async () => {
    expect(refusal(await run(person('mgr', 'mash-manager'), 'mutation { approveIsaPolicy(version: "x", reason: "y") { status } }')).code).toBe('FORBIDDEN');
    expect(refusal(await run(person('mgr', 'mash-manager'), 'mutation { withdrawIsaPolicy(version: "x", reason: "y") { status } }')).code).toBe('FORBIDDEN');
  });

  it('has the database refuse what the store refuses, and keep approvals immutable', async () => {
    const sql = (text: string, params?: unknown[]) => hub.db.dataSource.query(text, params);
    const label = '2026-12-04.sql';
    await hub.policies.propose(JSON.parse(version(label, (doc) => (doc.timescalesHours.RED = 1))), 'gov-a', 'direct');
    const activate = (who: string) =>
      sql(`UPDATE isa_policy_version SET status = 'ACTIVE', activated_by = $1, activated_at = now(), activation_reason = 'sql', approvers_needed = 2, widening = '[]' WHERE version = $2`, [who, label]);
    await expect(sql(`INSERT INTO isa_policy_approval (version, approver, reason) VALUES ($1, 'gov-a', 'me')`, [label])).rejects.toThrow(/gov-a proposed version .* and cannot approve it/);
    await expect(activate('gov-a')).rejects.toThrow(/the proposer gov-a cannot activate it/);
    await expect(activate('gov-b')).rejects.toThrow(/1 approvers other than the proposer, 2 needed/);
    await sql(`INSERT INTO isa_policy_approval (version, approver, reason) VALUES ($1, 'gov-c', 'ok')`, [label]);
    await expect(sql(`UPDATE isa_policy_approval SET approver = 'gov-z' WHERE version = $1`, [label])).rejects.toThrow(/approvals cannot be changed or deleted/);
    await expect(sql(`DELETE FROM isa_policy_approval WHERE version = $1`, [label])).rejects.toThrow(/approvals cannot be changed or deleted/);
    await expect(sql(`INSERT INTO isa_policy_approval (version, approver, reason) VALUES ($1, 'gov-c', 'twice')`, [label])).rejects.toThrow(/duplicate key/);
    await expect(sql(`INSERT INTO isa_policy_approval (version, approver, reason) VALUES ('2026-12-01.amber-8h', 'gov-z', 'late')`)).rejects.toThrow(/is not a DRAFT/);
  });

  it('shows the readable diff to governance and managers, and names a version that does not exist', async () => {
    const query = 'query($f: String!, $t: String!) { policyDiff(from: $f, to: $t) { from to changes { section path itemId kind before after sentence } widening text } }';
    const diff = await run(person('mgr', 'mash-manager'), query, { f: '2026-12-01.amber-8h', t: '2026-12-02.green' });
    expect(diff.errors).toBeUndefined();
    const { changes, widening, text } = diff.data.policyDiff;
    expect(changes).toEqual([
      expect.objectContaining({ section: 'rules', path: '/rules/green-no-agency-data', itemId: 'green-no-agency-data', kind: 'REMOVED', after: null }),
      { section: 'rules', path: '/rules/triage-open-red-amber/rag', itemId: 'triage-open-red-amber', kind: 'CHANGED', before: '["RED","AMBER"]', after: '["RED","AMBER","GREEN"]', sentence: 'Rule triage-open-red-amber rag: added GREEN' },
      { section: 'timescalesHours', path: '/timescalesHours/AMBER', itemId: null, kind: 'CHANGED', before: '8', after: '24', sentence: 'Timescale hours AMBER: 8 -> 24' },
    ]);
    expect(widening).toHaveLength(2);
    expect(text).toMatch(/^ISA policy 2026-12-01.amber-8h -> 2026-12-02.green: 3 changes\n/);
    expect(text).toContain('Widens sharing: yes, 2 findings');
    const missing = await run(person('gov-a'), query, { f: '1999-01-01.1', t: '2026-12-02.green' });
    expect(refusal(missing)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'There is no ISA policy version 1999-01-01.1; see isaPolicyVersions for the versions stored.' });
    expect(refusal(await run(person('t', 'mash-triage'), query, { f: '2026-12-01.amber-8h', t: '2026-12-02.green' })).code).toBe('FORBIDDEN');
  });

  it('leaves the access log whole: refusals are chained like every other entry', async () => {
    const report = await verifyChain(hub.db.dataSource);
    expect(report).toMatchObject({ ok: true });
    expect(report.entries).toBeGreaterThanOrEqual(15);
  });
});
