import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_POLICY, PolicyStore, policyEntities, policyMigrations, type PolicyDocument } from '@mash/gateway/dist/policy';
import { runPolicyDiffCli } from '@mash/gateway/dist/policy/diff-cli';
import { toolHub, type ToolHub } from '../support/tool-hub';

/**
 * `npm run policy:diff` as a person runs it: from two JSON files with no database, and from the
 * hub database (HUB_DATABASE_URL with TEST_DATABASE_URL set, else the embedded one: support/tool-hub).
 * The script is started as a process twice (exit 0 and 2); the other cases call what it calls.
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/policy-diff.js');

describe('npm run policy:diff', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-policy-diff-'));
  // No hub database at all until the last case makes one.
  let env: NodeJS.ProcessEnv = { ...process.env, MASH_DATA_DIR: dir, HUB_DATABASE_URL: '', MASH_LOG_LEVEL: 'silent' };
  let hub: ToolHub | undefined;
  const file = (name: string, document: unknown) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, typeof document === 'string' ? document : JSON.stringify(document));
    return at;
  };
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], { env, cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const inProcess = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runPolicyDiffCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env });
    return { code, stdout, stderr };
  };
  const longerWindow: PolicyDocument = { ...structuredClone(DEFAULT_POLICY), version: '2026-12-01.1', closedCaseWindowHours: 96 };
  // The two runs of the script touch no database: both started at once, at the beginning.
  let scriptRuns: { twoFiles: ReturnType<typeof cli>; missingFile: ReturnType<typeof cli> };
  beforeAll(() => {
    const [from, to] = [file('from.json', DEFAULT_POLICY), file('to.json', longerWindow)];
    scriptRuns = { twoFiles: cli('--from-file', from, '--to-file', to), missingFile: cli('--from-file', from, '--to-file', path.join(dir, 'missing.json')) };
  });

  afterAll(async () => {
    await hub?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the readable diff of two files, with the widening, and needs no database', async () => {
    const result = await scriptRuns.twoFiles;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        'ISA policy 2026-11-01.5 -> 2026-12-01.1: 1 change',
        '',
        'closedCaseWindowHours:',
        '  - Hours agency data stays readable after closure: 72 -> 96',
        '',
        'Widens sharing: yes, 5 findings (two approvers other than the proposer needed):',
        '  - Agency data would stay readable for 96 hours after a case closes, not 72',
        "  - mash-triage would see every agency's data for RED cases closed 73 to 96 hours ago",
        "  - mash-triage would see every agency's data for AMBER cases closed 73 to 96 hours ago (fields: BASIC_IDENTITY, SAFEGUARDING_STATUS, HEALTH_SPECIAL, CRIMINAL_OFFENCE)",
        "  - mash-manager would see every agency's data for RED cases closed 73 to 96 hours ago",
        "  - mash-manager would see every agency's data for AMBER cases closed 73 to 96 hours ago (fields: BASIC_IDENTITY, SAFEGUARDING_STATUS, HEALTH_SPECIAL, CRIMINAL_OFFENCE)",
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await inProcess('--from-file', path.join(dir, 'from.json'), '--to-file', path.join(dir, 'to.json'), '--json')).stdout);
    expect(json.changes).toEqual([{ section: 'closedCaseWindowHours', path: '/closedCaseWindowHours', id: null, kind: 'CHANGED', before: 72, after: 96, sentence: 'Hours agency data stays readable after closure: 72 -> 96' }]);
  });

  it('exits 2 with a plain message for bad arguments, unreadable files and documents that are not ISA policies', async () => {
    const from = path.join(dir, 'from.json');
    // The script itself exits 2.
    expect(await scriptRuns.missingFile).toMatchObject({ code: 2, stdout: '', stderr: `policy:diff: cannot read ${path.join(dir, 'missing.json')}: ENOENT\n` });
    expect(await inProcess('--from-file', from)).toMatchObject({ code: 2, stderr: 'policy:diff: give exactly one of --to and --to-file\n' });
    expect(await inProcess('--from-file', from, '--to-file', file('broken.json', '{nope'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/broken\.json is not valid JSON/) });
    expect(await inProcess('--from-file', from, '--to-file', file('other.json', { version: 'x' }))).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not an ISA policy document: .*\/title is required/) });
    expect(await inProcess('--from', '2026-11-01.5', '--to-file', from)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^policy:diff: no hub database at /) });
    expect((await inProcess('--help')).stdout).toMatch(/^usage: npm run policy:diff/);
  });

  it('reads versions from the hub database, and names one that is not there', async () => {
    hub = await toolHub(dir, { entities: policyEntities, migrations: policyMigrations, variant: 'policy tables only' });
    env = hub.env;
    await hub.use(async (db) => {
      const store = new PolicyStore({ dataSource: db.dataSource, onChange: async () => {} });
      await store.ensureDefault('system');
      await store.propose(longerWindow, 'gov-1', 'Longer window');
    });
    const stored = await inProcess('--from', '2026-11-01.5', '--to', '2026-12-01.1');
    expect(stored).toMatchObject({ code: 0 });
    // The same comparison as from the files: the stored documents are what was proposed.
    expect(stored.stdout).toBe((await inProcess('--from-file', path.join(dir, 'from.json'), '--to-file', path.join(dir, 'to.json'))).stdout);
    expect(stored.stdout).toMatch(/^ISA policy 2026-11-01.5 -> 2026-12-01.1: 1 change\n/);
    expect(await inProcess('--from', '2026-11-01.5', '--to', '2099-01-01.9')).toMatchObject({ code: 2, stderr: 'policy:diff: there is no ISA policy version 2099-01-01.9 in the hub database\n' });
  });
});
