import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AGENCIES } from '@mash/shared';
import { AuditDecision, AuditKind, AuditLog, type AuditEntryInput } from '@mash/gateway/dist/audit';
import { hubEntities, hubMigrations } from '@mash/gateway/dist/hub/data-source';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { seedDemoCases } from '@mash/gateway/dist/hub/seed/demo-cases';
import { DEFAULT_POLICY, decideFetch, releasedLevels, type PolicyDocument } from '@mash/gateway/dist/policy';
import { runSimulateCli } from '@mash/gateway/dist/policy/simulate-cli';
import { toolHub, type ToolHub } from '../support/tool-hub';

/**
 * `npm run policy:simulate` as a governance lead runs it on the hub's database: a draft from a
 * file (--file) or a version the hub holds (--version), Markdown or JSON, exit 2 on bad input.
 * The script is started as a process twice (exit 0 and 2); the other cases call what it calls.
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/policy-simulate.js');
const serverMode = Boolean(process.env.TEST_DATABASE_URL);
jest.setTimeout(120_000);

const USERS = [{ id: 'cli-triage', roles: ['mash-triage'] }, { id: 'cli-manager', roles: ['mash-manager'] }];

function draft(): PolicyDocument {
  const policy = structuredClone(DEFAULT_POLICY);
  policy.version = '2026-12-02.1';
  policy.rules.splice(policy.rules.findIndex((rule) => rule.id === 'triage-open-red-amber'), 0, {
    id: 'amber-not-health', description: 'AMBER cases are not shared with health', effect: 'DENY', agencies: ['health'], roles: ['*'], rag: ['AMBER'], caseStatus: ['*'], purposes: ['*'],
  });
  return policy;
}

describe(`npm run policy:simulate (${serverMode ? 'HUB_DATABASE_URL' : 'embedded hub database under MASH_DATA_DIR'})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-simulate-cli-'));
  const draftFile = path.join(dataDir, 'draft.json');
  let hub: ToolHub | undefined;
  let env: NodeJS.ProcessEnv;
  let day: { from: string; to: string };
  /** Per case rating, the fetches logged: each user, each agency, decided as the gateway did under the default policy. */
  let logged: { rag: string; agency: string; allowed: boolean }[] = [];

  const simulate = (...args: string[]) => run(process.execPath, [SCRIPT, ...args], { env, cwd: ROOT }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
  /** The script's entry point in this process: its exit code and what it printed. */
  const inProcess = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runSimulateCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env });
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    hub = await toolHub(dataDir, { entities: hubEntities, migrations: hubMigrations, variant: '' });
    env = hub.env;
    fs.writeFileSync(draftFile, JSON.stringify(draft()));
    await hub.use(async (db) => {
      const { cases, policies } = hubServices(db.dataSource);
      await policies.ensureDefault('test');
      await seedDemoCases(db.dataSource, cases, { people: 200 });
      const rows: { id: string; rag: string | null; status: 'OPEN'; kind: 'REFERRAL'; rating_state: string | null }[] = await db.dataSource.query(
        `SELECT id::text AS id, rag, status, kind, rating_state FROM mash_case WHERE rag IS NOT NULL ORDER BY reference LIMIT 3`,
      );
      const entries: AuditEntryInput[] = [];
      const now = new Date();
      for (const found of rows) {
        const facts = { kind: found.kind, rag: found.rag as never, status: found.status, closedAt: null, consentEarlyHelpSharing: false, ratingState: found.rating_state as never };
        for (const user of USERS) {
          for (const agency of AGENCIES) {
            const decision = decideFetch(DEFAULT_POLICY, { user, agency, purpose: 'MASH_TRIAGE', case: { ...facts, id: found.id }, now });
            const released = decision.allowed ? releasedLevels(DEFAULT_POLICY, { roles: user.roles, rag: facts.rag, purpose: 'MASH_TRIAGE', agency }).levels : undefined;
            logged.push({ rag: found.rag!, agency, allowed: decision.allowed });
            entries.push({
              kind: AuditKind.AGENCY_FETCH, decision: decision.allowed ? AuditDecision.ALLOWED : AuditDecision.DENIED, actorId: user.id, actorRoles: user.roles,
              caseId: found.id, agency, rule: decision.rule, policyVersion: decision.policyVersion, reason: decision.reason,
              facts: { purpose: 'MASH_TRIAGE', case: facts, ...(released ? { released } : {}) },
            });
          }
        }
      }
      entries.push({ kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.ALLOWED, actorId: 'cli-old', actorRoles: ['mash-triage'], caseId: rows[0].id, agency: 'police', rule: 'triage-open-red-amber' });
      await AuditLog.for(db.dataSource).appendMany(entries);
      const [span] = await db.dataSource.query(`SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM audit_log WHERE kind = 'AGENCY_FETCH'`);
      const london = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);
      day = { from: london(span.first), to: london(span.last) };
    });
    expect(logged.filter((item) => item.rag === 'AMBER' && item.agency === 'health' && item.allowed)).toHaveLength(2);
  });
  afterAll(async () => {
    await hub?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('simulates a draft from a file, as JSON, with the counts of a re-evaluation', async () => {
    const { code, stdout } = await simulate('--file', draftFile, '--from', day.from, '--to', day.to, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const reEvaluated = logged.length;
    const refused = logged.filter((item) => item.rag === 'AMBER' && item.agency === 'health' && item.allowed).length;
    expect(result).toMatchObject({
      source: `file ${draftFile}`, version: '2026-12-02.1', entriesRead: reEvaluated + 1, reEvaluated, allowedToDenied: refused, deniedToAllowed: 0,
      unchanged: reEvaluated - refused, levelsNarrowed: 0, levelsWidened: 0, notReEvaluated: [expect.objectContaining({ reason: 'NO_FACTS', count: 1 })],
    });
    expect(result.byAgency.find((row: { agency: string }) => row.agency === 'health').allowedToDenied).toBe(refused);
    expect(result.examples.map((example: { caseReference: string; userId: string }) => [example.caseReference, example.userId]))
      .toEqual([[expect.stringMatching(/^MASH-/), 'cli-triage'], [expect.stringMatching(/^MASH-/), 'cli-manager']]);
  });

  it('prints Markdown tables and the method for a version the hub holds', async () => {
    const { code, stdout } = await inProcess('--version', DEFAULT_POLICY.version, '--from', day.from, '--to', day.to);
    expect(code).toBe(0);
    expect(stdout).toContain(`# Simulation of ISA version ${DEFAULT_POLICY.version}`);
    expect(stdout).toContain(`Simulated: version ${DEFAULT_POLICY.version} (ACTIVE) held by the hub.`);
    expect(stdout).toContain(`| re-evaluated | ${logged.length} |`);
    expect(stdout).toContain(`| unchanged | ${logged.length} |`);
    expect(stdout).toContain('| NO_FACTS | 1 |');
    for (const heading of ['Not re-evaluated', 'By rule (recorded -> simulated)', 'By role', 'By agency', 'Examples', 'Method']) expect(stdout).toContain(`## ${heading}`);
    expect(stdout).toContain('No decision would change.');
  });

  it.each([
    ['no period', ['--file', 'draft.json'], /give both --from and --to/],
    ['both a version and a file', ['--version', 'x', '--file', 'y', '--from', '2026-01-01', '--to', '2026-01-02'], /either --version or --file/],
    ['a bad date', ['--version', 'x', '--from', '2026-13-01', '--to', '2026-12-01'], /from "2026-13-01" is not a date/],
    ['a version the hub does not hold', ['--version', '1999-01-01.1', '--from', '2026-01-01', '--to', '2026-01-02'], /holds no ISA policy version 1999-01-01.1/],
  ])('exits 2 for %s', async (_label, args, message) => {
    const { code, stderr } = await inProcess(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 for a file that is not a valid policy, naming what is wrong', async () => {
    const bad = path.join(dataDir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...draft(), purposes: [] }));
    const { code, stderr } = await simulate('--file', bad, '--from', day.from, '--to', day.to);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is not a valid policy: .*purposes/);
  });
});
