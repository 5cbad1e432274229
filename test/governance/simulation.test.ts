import { AuditDecision, AuditKind, AuditLog } from '@mash/gateway/dist/audit';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { DEFAULT_POLICY, decideFetch, releasedLevels, simulatePolicy, type PolicyDocument } from '@mash/gateway/dist/policy';
import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 12, simulation before activation: "the simulation's counts equal a re-evaluation of those
 * decisions under the draft". A real access log is built through the gateway (cases of every
 * rating, confirmed and not, read by triage, manager and governance users from all four
 * agencies); drafts are proposed; simulateIsaPolicy's counts are checked against a re-evaluation
 * computed here, straight from the audit_log rows, with the gateway's own decideFetch.
 */
jest.setTimeout(180_000);

const SUBJECTS = `query($id: ID!) {
  case(id: $id) {
    subjects {
      id
      police { status matches { confidence } flags { code } }
      socialCare { status matches { confidence } flags { code } }
      health { status matches { confidence } flags { code } }
      education { status matches { confidence } flags { code } }
    }
  }
}`;

const SIMULATE = `query($version: String!, $from: String!, $to: String!, $examples: Int) {
  simulateIsaPolicy(version: $version, from: $from, to: $to, examples: $examples) {
    from to version versionStatus entriesRead reEvaluated unchanged allowedToDenied deniedToAllowed levelsNarrowed levelsWidened ruleChanged levelsNotCompared
    notReEvaluated { reason count description }
    recordedUnder { policyVersion count }
    byRule { recordedRule simulatedRule reEvaluated unchanged allowedToDenied deniedToAllowed levelsNarrowed levelsWidened }
    byRole { roles reEvaluated unchanged allowedToDenied deniedToAllowed levelsNarrowed levelsWidened }
    byAgency { agency reEvaluated unchanged allowedToDenied deniedToAllowed levelsNarrowed levelsWidened }
    examples { change seq entryId recordedAt caseId caseReference userId roles agency recordedRule simulatedRule recordedLevels simulatedLevels }
    method
  }
}`;

const FOUR = ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS', 'HEALTH_SPECIAL', 'CRIMINAL_OFFENCE'] as const;

/** Narrower: AMBER no longer shared with health; from police, AMBER gains police intelligence; from social care, it loses offence summaries. */
function narrowingDraft(): PolicyDocument {
  const policy = structuredClone(DEFAULT_POLICY);
  policy.version = '2026-12-01.1';
  policy.rules.splice(policy.rules.findIndex((rule) => rule.id === 'triage-open-red-amber'), 0, {
    id: 'amber-not-health', description: 'AMBER cases are not shared with health', effect: 'DENY', agencies: ['health'], roles: ['*'], rag: ['AMBER'], caseStatus: ['*'], purposes: ['*'],
  });
  const amber = policy.classificationAccess.findIndex((entry) => entry.id === 'triage-amber-research');
  const base = policy.classificationAccess[amber];
  policy.classificationAccess.splice(amber, 1,
    { ...base, id: 'amber-police', agencies: ['police'], levels: [...FOUR, 'POLICE_INTELLIGENCE'] },
    { ...base, id: 'amber-social-care', agencies: ['social-care'], levels: FOUR.slice(0, 3) },
    { ...base, id: 'amber-others', agencies: ['health', 'education'], levels: [...FOUR] },
  );
  return policy;
}

/** Wider: managers see GREEN cases (identity and safeguarding status). */
function greenDraft(): PolicyDocument {
  const policy = structuredClone(DEFAULT_POLICY);
  policy.version = '2026-12-01.2';
  policy.rules.splice(policy.rules.findIndex((rule) => rule.id === 'green-no-agency-data'), 0, {
    id: 'manager-green', description: 'Managers may see {agency} data for an open GREEN case', effect: 'ALLOW', agencies: ['*'], roles: ['mash-manager'], rag: ['GREEN'], caseStatus: ['OPEN'], purposes: ['MASH_TRIAGE'],
  });
  policy.classificationAccess.push({
    id: 'manager-green', description: 'GREEN: managers see identity and safeguarding status', roles: ['mash-manager'], rag: ['GREEN'], purposes: ['MASH_TRIAGE'], agencies: ['*'], levels: ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS'],
  });
  return policy;
}

type Counts = { reEvaluated: number; unchanged: number; allowedToDenied: number; deniedToAllowed: number; levelsNarrowed: number; levelsWidened: number };
const zero = (): Counts => ({ reEvaluated: 0, unchanged: 0, allowedToDenied: 0, deniedToAllowed: 0, levelsNarrowed: 0, levelsWidened: 0 });
const BUILT_IN = ['no-user', 'unknown-subject', 'hub-unavailable', 'audit-unavailable', 'no-active-policy'];

describe('simulateIsaPolicy over a real access log', () => {
  let federation: Federation;
  let governance: string;
  let from: string;
  let to: string;
  const userIds = ['sim-triage', 'sim-manager', 'sim-governance'];

  beforeAll(async () => {
    federation = await startFederation();
    from = new Date(Date.now() - 1000).toISOString();
    governance = await federation.token({ role: 'governance', sub: 'sim-governance-lead' });
    const tokens = await Promise.all([
      federation.token({ role: 'mash-triage', sub: userIds[0] }),
      federation.token({ role: 'mash-manager', sub: userIds[1] }),
      federation.token({ role: 'governance', sub: userIds[2] }),
    ]);
    // One more AMBER case whose rating nobody has confirmed yet (refused: rating-unconfirmed).
    const { cases } = hubServices(federation.hub.dataSource);
    const [demoAmber] = await federation.hub.dataSource.query(`SELECT s.given_name, s.family_name, s.date_of_birth::text AS dob, s.postcode FROM mash_subject s JOIN mash_case c ON c.id = s.case_id WHERE c.rag = 'AMBER' ORDER BY c.reference LIMIT 1`);
    await cases.receiveReferral({
      referrerName: 'Designated Safeguarding Lead', referrerOrganisation: 'A school', referralSource: '2A', concern: 'Simulation test: unconfirmed AMBER',
      pathway: 'CHILDREN', consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: false, rag: 'AMBER', ragRationale: 'Test rating',
      subjects: [{ householdRole: 'CHILD', givenName: demoAmber.given_name, familyName: demoAmber.family_name, dateOfBirth: demoAmber.dob, postcode: demoAmber.postcode }],
    } as never, { userId: 'sim-triage', roles: ['mash-triage'] });
    const caseIds = (await federation.hub.dataSource.query('SELECT id FROM mash_case ORDER BY reference')).map((row: { id: string }) => row.id) as string[];
    expect(caseIds.length).toBeGreaterThanOrEqual(6);
    for (const token of tokens) {
      for (const id of caseIds) await federation.query(SUBJECTS, { id }, token);
    }
    // Entries no ISA rule decided, as older logs and built-in refusals hold them.
    await AuditLog.for(federation.hub.dataSource).appendMany([
      { kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.ALLOWED, actorId: 'sim-old', actorRoles: ['mash-triage'], caseId: caseIds[0], agency: 'police', rule: 'triage-open-red-amber', policyVersion: '2026-11-01.4' },
      { kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.DENIED, actorId: null, agency: 'health', rule: 'no-user', facts: { purpose: 'MASH_TRIAGE', case: null } },
    ]);
    for (const document of [narrowingDraft(), greenDraft()]) {
      const { body } = await federation.query(
        'mutation($document: String!, $reason: String!) { proposeIsaPolicy(document: $document, reason: $reason) { version } }',
        { document: JSON.stringify(document), reason: 'Simulation test draft' }, governance,
      );
      expect(body.errors).toBeUndefined();
    }
    to = new Date(Date.now() + 1000).toISOString();
  });
  afterAll(() => federation?.stop());

  async function simulate(version: string, examples = 5) {
    const { body } = await federation.query(SIMULATE, { version, from, to, examples }, governance);
    expect(body.errors).toBeUndefined();
    return body.data.simulateIsaPolicy;
  }

  /** The re-evaluation, computed here from the audit_log rows. */
  async function expected(candidate: PolicyDocument) {
    const rows: any[] = await federation.hub.dataSource.query(
      `SELECT actor_id, actor_roles, agency, decision, rule, facts, recorded_at FROM audit_log
        WHERE kind = 'AGENCY_FETCH' AND recorded_at >= $1 AND recorded_at < $2 ORDER BY seq`,
      [from, to],
    );
    const totals = zero();
    const byAgency = new Map<string, Counts>();
    const byRole = new Map<string, Counts>();
    let skipped = 0;
    for (const row of rows) {
      const facts = row.facts;
      if (!facts?.case || facts.purpose !== 'MASH_TRIAGE' || !row.actor_id || BUILT_IN.includes(row.rule)) {
        skipped += 1;
        continue;
      }
      const input = { roles: row.actor_roles, rag: facts.case.rag, purpose: facts.purpose, agency: row.agency };
      const decision = decideFetch(candidate, {
        user: { id: row.actor_id, roles: row.actor_roles }, agency: row.agency, purpose: facts.purpose, now: new Date(row.recorded_at),
        case: { ...facts.case, id: 'x', closedAt: facts.case.closedAt ? new Date(facts.case.closedAt) : null },
      });
      const was = row.decision === 'ALLOWED';
      let kind: keyof Counts = 'unchanged';
      if (was && !decision.allowed) kind = 'allowedToDenied';
      else if (!was && decision.allowed) kind = 'deniedToAllowed';
      else if (was && facts.released) {
        const now = releasedLevels(candidate, input).levels as string[];
        if (now.some((level) => !facts.released.includes(level))) kind = 'levelsWidened';
        else if (facts.released.some((level: string) => !now.includes(level))) kind = 'levelsNarrowed';
      }
      for (const counts of [totals, get(byAgency, row.agency), get(byRole, [...row.actor_roles].sort().join(','))]) {
        counts.reEvaluated += 1;
        counts[kind] += 1;
      }
    }
    return { entriesRead: rows.length, skipped, totals, byAgency, byRole };
  }

  function get(map: Map<string, Counts>, key: string): Counts {
    if (!map.has(key)) map.set(key, zero());
    return map.get(key)!;
  }

  const countsOf = (row: any): Counts => ({
    reEvaluated: row.reEvaluated, unchanged: row.unchanged, allowedToDenied: row.allowedToDenied, deniedToAllowed: row.deniedToAllowed, levelsNarrowed: row.levelsNarrowed, levelsWidened: row.levelsWidened,
  });

  async function expectMatches(result: any, candidate: PolicyDocument) {
    const want = await expected(candidate);
    expect(result.entriesRead).toBe(want.entriesRead);
    expect(countsOf(result)).toEqual(want.totals);
    expect(result.notReEvaluated.reduce((sum: number, row: any) => sum + row.count, 0)).toBe(want.skipped);
    expect(Object.fromEntries(result.byAgency.map((row: any) => [row.agency, countsOf(row)]))).toEqual(Object.fromEntries(want.byAgency));
    expect(Object.fromEntries(result.byRole.map((row: any) => [row.roles.join(','), countsOf(row)]))).toEqual(Object.fromEntries(want.byRole));
    const byRuleTotal = result.byRule.reduce((sum: Counts, row: any) => {
      for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += row[key];
      return sum;
    }, zero());
    expect(byRuleTotal).toEqual(want.totals);
  }

  it('counts what a narrower draft would change exactly as a re-evaluation of the logged decisions does', async () => {
    const result = await simulate('2026-12-01.1');
    await expectMatches(result, narrowingDraft());
    expect(result).toMatchObject({ version: '2026-12-01.1', versionStatus: expect.any(String) });
    // The log holds every kind the draft changes: AMBER health refused, police intelligence added, offence summaries gone.
    expect(result.allowedToDenied).toBeGreaterThan(0);
    expect(result.levelsWidened).toBeGreaterThan(0);
    expect(result.levelsNarrowed).toBeGreaterThan(0);
    expect(result.deniedToAllowed).toBe(0);
    expect(result.byRule).toContainEqual(expect.objectContaining({ recordedRule: 'triage-open-red-amber', simulatedRule: 'amber-not-health', allowedToDenied: result.allowedToDenied }));
    expect(result.byAgency.find((row: any) => row.agency === 'health').allowedToDenied).toBe(result.allowedToDenied);
    expect(result.notReEvaluated.map((row: any) => row.reason)).toEqual(expect.arrayContaining(['NO_FACTS', 'NO_USER']));
    expect(result.recordedUnder).toEqual([{ policyVersion: DEFAULT_POLICY.version, count: result.reEvaluated }]);
    expect(result.method.join(' ')).toMatch(/AGENCY_FETCH.*decideFetch.*Not re-evaluated/s);
  });

  it('counts what a wider draft (GREEN for managers) would open', async () => {
    const result = await simulate('2026-12-01.2');
    await expectMatches(result, greenDraft());
    expect(result.deniedToAllowed).toBeGreaterThan(0);
    expect(result.allowedToDenied).toBe(0);
    expect(result.byRole.find((row: any) => row.roles.join() === 'mash-manager').deniedToAllowed).toBe(result.deniedToAllowed);
    expect(result.byRule.filter((row: any) => row.deniedToAllowed > 0).map((row: any) => [row.recordedRule, row.simulatedRule])).toEqual([['green-no-agency-data', 'manager-green']]);
  });

  it('finds nothing to change under the version that took the decisions', async () => {
    const result = await simulate(DEFAULT_POLICY.version);
    expect(result.reEvaluated).toBeGreaterThan(50);
    expect(result).toMatchObject({ unchanged: result.reEvaluated, ruleChanged: 0, levelsNotCompared: 0, versionStatus: 'ACTIVE' });
  });

  it('gives examples by case reference and user id, never a name', async () => {
    const result = await simulate('2026-12-01.1', 2);
    const kinds = result.examples.map((example: any) => example.change);
    expect(kinds.filter((kind: string) => kind === 'ALLOWED_TO_DENIED')).toHaveLength(2);
    expect(new Set(kinds)).toEqual(new Set(['ALLOWED_TO_DENIED', 'LEVELS_NARROWED', 'LEVELS_WIDENED']));
    const cases: { id: string; reference: string }[] = await federation.hub.dataSource.query('SELECT id::text AS id, reference FROM mash_case');
    for (const example of result.examples) {
      expect(example.caseReference).toBe(cases.find((item) => item.id === example.caseId)!.reference);
      expect(example.caseReference).toMatch(/^MASH-\d{4}-\d+$/);
      expect(userIds).toContain(example.userId);
      const [entry] = await federation.hub.dataSource.query('SELECT rule, case_id, actor_id FROM audit_log WHERE id = $1', [example.entryId]);
      expect(entry).toEqual({ rule: example.recordedRule, case_id: example.caseId, actor_id: example.userId });
    }
    const widened = result.examples.find((example: any) => example.change === 'LEVELS_WIDENED');
    expect(widened).toMatchObject({ agency: 'police', recordedLevels: [...FOUR], simulatedLevels: [...FOUR, 'POLICE_INTELLIGENCE'] });
    const names: { given_name: string; family_name: string }[] = await federation.hub.dataSource.query('SELECT given_name, family_name FROM mash_subject');
    const text = JSON.stringify(result);
    for (const name of names) expect(text).not.toContain(name.family_name);
  });

  it('reads the log page by page: a page of 3 gives the same figures', async () => {
    const viaGraphql = await simulate('2026-12-01.1');
    const paged = await simulatePolicy(federation.hub.dataSource, narrowingDraft(), new Date(from), new Date(to), { pageSize: 3 });
    expect(countsOf(paged)).toEqual(countsOf(viaGraphql));
    expect(paged.entriesRead).toBe(viaGraphql.entriesRead);
    // Many pages, with seqs of more than one length (so a text sort of seq would show).
    const [span] = await federation.hub.dataSource.query(
      `SELECT min(seq)::text AS first, max(seq)::text AS last FROM audit_log WHERE kind = 'AGENCY_FETCH' AND recorded_at >= $1 AND recorded_at < $2`, [from, to],
    );
    expect(paged.entriesRead).toBeGreaterThan(50);
    expect(span.first.length).toBeLessThan(span.last.length);
    // The first examples in log order, whatever the page size (seq read as text must still sort as a number).
    expect(paged.examples.map((example) => example.seq)).toEqual(viaGraphql.examples.map((example: any) => example.seq));
    for (const kind of ['ALLOWED_TO_DENIED', 'LEVELS_NARROWED', 'LEVELS_WIDENED']) {
      const seqs = paged.examples.filter((example) => example.change === kind).map((example) => Number(example.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('is for governance only, and every simulation is in the access log', async () => {
    const before = Number((await federation.hub.dataSource.query(`SELECT max(seq) AS n FROM audit_log`))[0].n);
    await simulate('2026-12-01.2');
    const manager = await federation.token({ role: 'mash-manager', sub: 'sim-manager-curious' });
    const refused = await federation.query(SIMULATE, { version: '2026-12-01.2', from, to }, manager);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const reads = await federation.hub.dataSource.query(
      `SELECT actor_id, decision, rule, reason FROM audit_log WHERE kind = 'AUDIT_READ' AND seq > $1 ORDER BY seq`, [before],
    );
    expect(reads).toEqual([
      { actor_id: 'sim-governance-lead', decision: 'ALLOWED', rule: 'governance-role-required', reason: `simulateIsaPolicy: version="2026-12-01.2" from="${from}" to="${to}"` },
      { actor_id: 'sim-manager-curious', decision: 'DENIED', rule: 'governance-role-required', reason: `simulateIsaPolicy: version="2026-12-01.2" from="${from}" to="${to}"` },
    ]);
  });

  it.each([
    ['a date that is not one', { version: '2026-12-01.1', from: 'last week', to: '2026-12-01' }, /^from "last week" is not a date/],
    ['a period that ends before it starts', { version: '2026-12-01.1', from: '2026-12-02', to: '2026-12-01' }, /^to must be after from/],
    ['a period over two years', { version: '2026-12-01.1', from: '2024-01-01', to: '2026-12-01' }, /at most 731 days/],
    ['a version the hub does not hold', { version: '1999-01-01.1', from: '2026-12-01', to: '2026-12-01' }, /no ISA policy version 1999-01-01.1/],
    ['too many examples', { version: '2026-12-01.1', from: '2026-12-01', to: '2026-12-01', examples: 51 }, /examples must be 0 to 50/],
  ])('refuses %s with BAD_USER_INPUT', async (_label, variables, message) => {
    const { body } = await federation.query(SIMULATE, variables, governance);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(message);
  });
});
