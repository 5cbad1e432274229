import fs from 'node:fs';
import path from 'node:path';
import { generatePopulation } from '@mash/shared';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { seedHistory } from '@mash/gateway/dist/hub/seed/history';
import { startFederation, type Federation } from '../support/federation';

/**
 * hubReport through the gateway: who may read it, what it refuses, the triangulation findings it
 * counts from the case pictures triage viewed; and the demo history, which must not push the demo
 * cases the README and the contract rely on from the top of `cases`.
 */
const REPORT = `query($from: String!, $to: String!) { hubReport(from: $from, to: $to) {
  from to periodStart periodEnd
  referrals { total rows { pathway kind count } method }
  ragSplit { total redOrAmberShare greenShare rows { group count share } method }
  timeliness { rows { group received decided decidedWithinTimescale withinTimescaleShare medianHoursToDecision } method }
  backlog { total rows { group open overdue } method }
  feedback { closed rate method }
  screening { available waiting method }
  notifications { available sent late method }
  triangulation { picturesViewed rows { code label children } method }
  weeks { from groups { group received openAtEnd } }
} }`;
const PICTURE = `query($id: ID!) { case(id: $id) { picture { findings { code status subjectIds } flags { subjectId agency code } } } }`;
const HOME_EDUCATION = new Set(['ELECTIVE_HOME_EDUCATION', 'ELECTIVE_HOME_EDUCATION_RECENT']);

describe("hubReport: the hub's report through the gateway", () => {
  let federation: Federation;
  let manager: string;
  const iso = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(date);
  const today = iso(new Date());
  const monthAgo = iso(new Date(Date.now() - 30 * 86_400_000));

  beforeAll(async () => {
    federation = await startFederation();
    manager = await federation.token({ role: 'mash-manager', sub: 'manager-report' });
  });
  afterAll(() => federation?.stop());

  it('is for managers and governance: triage is FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const { body } = await federation.query(REPORT, { from: monthAgo, to: today }, manager);
    expect(body.errors).toBeUndefined();
    expect(body.data.hubReport.referrals.total).toBeGreaterThan(0);
    expect(body.data.hubReport.ragSplit.method).toContain('Grouped by the rating');
    const governance = await federation.query(REPORT, { from: monthAgo, to: today }, await federation.token({ role: 'governance', sub: 'board' }));
    expect(governance.body.errors).toBeUndefined();
    const triage = await federation.query(REPORT, { from: monthAgo, to: today }, await federation.token({ role: 'mash-triage', sub: 'triage-report' }));
    expect(triage.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(triage.body.data?.hubReport ?? null).toBeNull();
    const anonymous = await federation.query(REPORT, { from: monthAgo, to: today }, null);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("runs the README's example as a manager, without errors", async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf("## The hub's report"));
    const example = /```\n(query \{ hubReport[\s\S]*?)```/.exec(section)![1];
    const { body } = await federation.query(example, {}, manager);
    expect(body.errors).toBeUndefined();
    expect(body.data.hubReport.ragSplit.method).toContain('Received in the period');
  });

  it.each([
    ['a date written another way', '01/06/2026', today, 'from'],
    ['a day not in the calendar', '2026-02-30', today, 'from'],
    ['a reversed period', today, monthAgo, 'to'],
    ['more than two years', '2024-01-01', '2026-06-30', 'to'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, from, to, field) => {
    const { body } = await federation.query(REPORT, { from, to }, manager);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors[0].message).toContain(`${field}:`);
  });

  it('counts the triangulation findings of the pictures triage viewed, once per child, codes and ids only', async () => {
    const triage = await federation.token({ role: 'mash-triage', sub: 'triage-family' });
    const { body: listed } = await federation.query('{ cases(limit: 100) { id subjects { familyName } } }', {}, triage);
    const expected = { CHILD_MISSING_EDUCATION: new Set<string>(), CHILD_NOT_KNOWN_TO_HEALTH: new Set<string>(), CHILD_HOME_EDUCATED: new Set<string>() };
    const { scenarios } = generatePopulation({ people: 400 });
    for (const name of ['baby-and-child-missing-education', 'home-educated-with-concerns']) {
      const surname = scenarios.find((scenario) => scenario.name === name)!.household.members[0].familyName;
      const id = listed.data.cases.find((item: any) => item.subjects.some((subject: any) => subject.familyName === surname)).id;
      for (let view = 0; view < 2; view += 1) {
        const { body } = await federation.query(PICTURE, { id }, triage);
        for (const finding of body.data.case.picture.findings.filter((item: any) => item.status === 'FOUND')) {
          if (finding.code in expected) for (const subject of finding.subjectIds) expected[finding.code as keyof typeof expected].add(subject);
        }
        for (const flag of body.data.case.picture.flags) if (flag.agency === 'education' && HOME_EDUCATION.has(flag.code)) expected.CHILD_HOME_EDUCATED.add(flag.subjectId);
      }
    }
    expect(expected.CHILD_MISSING_EDUCATION.size).toBeGreaterThan(0);
    expect(expected.CHILD_HOME_EDUCATED.size).toBeGreaterThan(0);
    const { body } = await federation.query(REPORT, { from: today, to: today }, manager);
    const { triangulation } = body.data.hubReport;
    expect(triangulation.picturesViewed).toBe(2);
    for (const row of triangulation.rows) expect({ code: row.code, children: row.children }).toEqual({ code: row.code, children: expected[row.code as keyof typeof expected].size });
    // What the hub keeps of a picture: the case, the subject (the hub's own ids), the code and when. Nothing of the agencies' records.
    const columns = await federation.hub.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'case_finding' ORDER BY ordinal_position`);
    expect(columns.map((column: any) => column.column_name)).toEqual(['id', 'case_id', 'subject_id', 'code', 'recorded_at']);
    await expect(federation.hub.dataSource.query(`DELETE FROM case_finding`)).rejects.toThrow(/append-only/);
  });

  it('keeps the demo cases first in cases for their rating when the six months of history are added', async () => {
    const started = Date.now();
    const history = await seedHistory(hubServices(federation.hub.dataSource).cases, { end: new Date() });
    const took = Date.now() - started;
    expect(history.open).toBeGreaterThan(0);
    const triage = await federation.token({ role: 'mash-triage', sub: 'triage-order' });
    for (const [rag, number] of [['RED', '000001'], ['AMBER', '000002'], ['GREEN', '000003']]) {
      const { body } = await federation.query(`{ cases(rag: [${rag}]) { reference status } }`, {}, triage);
      expect({ rag, first: body.data.cases[0].reference.slice(-6) }).toEqual({ rag, first: number });
    }
    const { body: all } = await federation.query('{ cases { reference rag } }', {}, triage);
    expect(all.data.cases.find((item: any) => item.rag === 'RED').reference).toMatch(/-000001$/);
    // No historic case is left overdue in the queue (the backlog's timescales run from its last re-rating).
    const { body: overdue } = await federation.query('{ cases(overdue: true) { reference } }', {}, triage);
    expect(overdue.data.cases).toEqual([]);
    // The report over the six months shows the history: the shares of the hub's own report.
    const { body } = await federation.query(REPORT, { from: iso(new Date(Date.now() - 183 * 86_400_000)), to: today }, manager);
    const report = body.data.hubReport;
    expect(report.ragSplit.total).toBeGreaterThan(60);
    expect(report.ragSplit.redOrAmberShare).toBeGreaterThan(0.38);
    expect(report.backlog.rows.find((row: any) => row.group === 'AMBER').open).toBeGreaterThan(1);
    expect(report.feedback.rate).toBe(1);
    console.log(`demo history: ${history.cases} cases in ${took} ms`);
  });
});
