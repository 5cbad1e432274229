import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SENSITIVITY_DESCRIPTIONS, SENSITIVITY_LEVELS, type SensitivityLevel } from '@mash/shared';
import { accessMatrix, accessMatrixCells, supergraphFields, type AccessMatrixEntry } from '@mash/gateway/dist/policy/access-matrix';
import { CSV_HEADER, LEVEL_WORDS, runMatrixCli } from '@mash/gateway/dist/policy/matrix-cli';
import { DEFAULT_POLICY, PolicyStore, policyEntities, policyMigrations, type PolicyDocument } from '@mash/gateway/dist/policy';
import { toolHub, type ToolHub } from '../support/tool-hub';

/**
 * `npm run policy:matrix` as a board member's secretary runs it: every cell of the matrix printed
 * exactly once, in Markdown and in CSV, and each the same as accessMatrix() says (which the walk
 * test proves equal to what the gateway enforces).
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/policy-matrix.js');
const STATUS_TITLES = { OPEN: '## Open cases', CLOSED_WITHIN_WINDOW: '## Cases closed no more than 72 hours ago', CLOSED_AFTER_WINDOW: '## Cases closed more than 72 hours ago' };
const WORD_LEVELS = Object.fromEntries(Object.entries(LEVEL_WORDS).map(([level, word]) => [word, level])) as Record<string, SensitivityLevel>;

/** Runs the CLI in process; its exit code and what it printed. */
async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runMatrixCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

/** The Markdown's matrix tables as cells: `status/role/rating/agency` -> the cell's text, each key counted. */
function markdownCells(markdown: string): { cells: Map<string, string>; seen: Map<string, number> } {
  const cells = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const [status, title] of Object.entries(STATUS_TITLES)) {
    const start = markdown.indexOf(`${title}\n`);
    if (start < 0) continue;
    const lines = markdown.slice(start).split('\n').slice(2);
    const header = lines[0].split(' | ').map((cell) => cell.replace(/^\| |\s?\|$/g, ''));
    for (const line of lines.slice(2)) {
      if (!line.startsWith('|')) break;
      const columns = line.slice(2, -2).split(' | ');
      columns.slice(2).forEach((text, index) => {
        const key = `${status}/${columns[0]}/${columns[1]}/${header[index + 2]}`;
        cells.set(key, text);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      });
    }
  }
  return { cells, seen };
}

/** A minimal RFC 4180 reader (quoted fields with doubled quotes, CRLF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), (i += 1);
    } else field += char;
  }
  return rows;
}

/** Checks that the Markdown holds every cell of `rows` exactly once, each reading what the row says. */
function expectMarkdownAgrees(markdown: string, rows: AccessMatrixEntry[]): void {
  const { cells, seen } = markdownCells(markdown);
  expect(cells.size).toBe(rows.length);
  expect([...seen.values()].every((count) => count === 1)).toBe(true);
  for (const row of rows) {
    const text = cells.get(`${row.caseStatus}/${row.role}/${row.rag}/${row.agency}`);
    expect(text).toBeDefined();
    const released = row.levels.filter((level) => level.allowed);
    const match = /^(.*) \(([^;)]*)(?:; levels: ([^)]*))?\)$/.exec(text!)!;
    expect(match).not.toBeNull();
    if (released.length === 0) {
      expect(match[1]).toBe('no');
      expect(match[2]).toBe(row.allowed ? row.levels[0].rule : row.rule);
    } else {
      expect(match[1].split(', ').map((word) => WORD_LEVELS[word])).toEqual(released.map((level) => level.level));
      expect(match[2]).toBe(row.rule);
      expect(match[3].split(', ').sort()).toEqual([...new Set(released.flatMap((level) => level.releasedBy))].sort());
    }
  }
}

describe('npm run policy:matrix', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-matrix-'));
  const noHub = { ...process.env, MASH_DATA_DIR: path.join(dataDir, 'none'), HUB_DATABASE_URL: '', MASH_LOG_LEVEL: 'silent' };
  // The hub's database as the CLI finds it (support/tool-hub), filled in beforeAll.
  const withHub: NodeJS.ProcessEnv = {};
  let hub: ToolHub | undefined;
  const fields = supergraphFields();
  const matrix = accessMatrix(DEFAULT_POLICY, { fields });

  // The script refusing an invalid policy file opens no database: started at once, beside the rest.
  let invalidFile: Promise<{ code: number; stderr: string }>;
  // The script reading the hub: started once the database is made, while the in-process cases run.
  let fromHub: Promise<{ code: number; stdout: string; stderr: string }>;
  beforeAll(async () => {
    const bad = path.join(dataDir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...DEFAULT_POLICY, closedCaseWindowHours: -1 }));
    invalidFile = run(process.execPath, [SCRIPT, '--file', bad], { env: noHub, cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error) => ({ code: error.code, stderr: error.stderr }),
    );
    // The hub with the default policy in force (only the policy tables: all the CLI reads).
    hub = await toolHub(dataDir, { entities: policyEntities, migrations: policyMigrations, variant: 'policy tables only' });
    await hub.use((db) => new PolicyStore({ dataSource: db.dataSource, onChange: async () => undefined }).ensureDefault('test'));
    Object.assign(withHub, hub.env);
    let scriptEnv = withHub;
    if (hub.mode === 'embedded') {
      // PGlite's files are for one process at a time: the script reads a copy.
      const scriptDir = path.join(dataDir, 'script');
      fs.cpSync(path.join(dataDir, 'hub'), path.join(scriptDir, 'hub'), { recursive: true });
      scriptEnv = { ...withHub, MASH_DATA_DIR: scriptDir };
    }
    fromHub = run(process.execPath, [SCRIPT, '--status', 'OPEN'], { env: scriptEnv, cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  });
  afterAll(async () => {
    await hub?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the built-in default policy as Markdown when there is no hub database, saying so, every cell once', async () => {
    const { code, stdout } = await cli([], noHub);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Access matrix: ISA policy 2026-11-01\.5\n/);
    expect(stdout).toContain('no --file: this is the built-in default policy 2026-11-01.5');
    for (const level of SENSITIVITY_LEVELS) expect(stdout).toContain(`| ${level} | ${LEVEL_WORDS[level]} | ${SENSITIVITY_DESCRIPTIONS[level]} |`);
    for (const [agency, basis] of Object.entries(DEFAULT_POLICY.lawfulBases)) expect(stdout).toContain(`| ${agency} | ${basis} |`);
    expect(stdout).toContain('- OMIT_STANDARD_RISK_DOMESTIC_ABUSE: police, social-care, health, education');
    expectMarkdownAgrees(stdout, matrix);
    expect(markdownCells(stdout).cells.get('OPEN/mash-triage/AMBER/police')).toBe('identity, safeguarding, health, offences (triage-open-red-amber; levels: triage-amber-research)');
    expect(markdownCells(stdout).cells.get('CLOSED_AFTER_WINDOW/mash-manager/RED/health')).toBe('no (closed-case-no-agency-data)');
  });

  it('prints CSV with a header and one line per cell, every dimension, agreeing with accessMatrix()', async () => {
    const { code, stdout, stderr } = await cli(['--format', 'csv'], noHub);
    expect(code).toBe(0);
    expect(stderr).toContain('built-in default policy');
    const [header, ...lines] = parseCsv(stdout);
    expect(header).toEqual([...CSV_HEADER]);
    const cells = accessMatrixCells(matrix);
    expect(lines).toHaveLength(cells.length);
    const keys = lines.map((line) => line.slice(0, 5).join('/'));
    expect(new Set(keys).size).toBe(lines.length);
    const byKey = new Map(lines.map((line) => [line.slice(0, 5).join('/'), Object.fromEntries(CSV_HEADER.map((name, i) => [name, line[i]]))]));
    for (const cell of cells) {
      const line = byKey.get(`${cell.caseStatus}/${cell.role}/${cell.rag}/${cell.agency}/${cell.level}`)!;
      expect(line).toEqual({
        case_status: cell.caseStatus, role: cell.role, rating: cell.rag, agency: cell.agency, level: cell.level,
        allowed: String(cell.allowed), rule: cell.rule, released_by: cell.releasedBy.join(' '), fetch_allowed: String(cell.fetchAllowed), fetch_rule: cell.fetchRule,
        lawful_basis: cell.lawfulBasis ?? '', obligations: cell.obligations.join(' '), fields: cell.fields.join(' '), withheld_within: cell.withheldWithin.join(' '), reason: cell.reason,
      });
    }
    // The supergraph's classification reaches the file: some field paths at every level an agency has.
    expect(lines.filter((line) => line[12] !== '').length).toBeGreaterThan(0);
  });

  it('prints one case status when asked, and a policy file instead of the hub', async () => {
    const only = await cli(['--status', 'CLOSED_AFTER_WINDOW'], noHub);
    expect(only.stdout).not.toContain(STATUS_TITLES.OPEN);
    expectMarkdownAgrees(only.stdout, matrix.filter((row) => row.caseStatus === 'CLOSED_AFTER_WINDOW'));

    const policy: PolicyDocument = structuredClone(DEFAULT_POLICY);
    policy.version = '2027-01-01.1';
    policy.closedCaseWindowHours = 24;
    policy.classificationAccess[1].levels = ['BASIC_IDENTITY'];
    const file = path.join(dataDir, 'draft.json');
    fs.writeFileSync(file, JSON.stringify(policy));
    const drafted = await cli(['--file', file, '--status', 'open,CLOSED_WITHIN_WINDOW'], noHub);
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain('# Access matrix: ISA policy 2027-01-01.1');
    expect(drafted.stdout).toContain('Policy file draft.json (version 2027-01-01.1)');
    expect(drafted.stdout).toContain('## Cases closed no more than 24 hours ago');
    expect(markdownCells(drafted.stdout).cells.get('OPEN/mash-triage/AMBER/education')).toBe('identity (triage-open-red-amber; levels: triage-amber-research)');
  });

  it('reads the version in force, or a named one, from the hub database; the real script too', async () => {
    const active = await cli(['--format', 'md'], withHub);
    expect(active.code).toBe(0);
    expect(active.stdout).toContain('Source: Hub database, the version in force (2026-11-01.5).');
    expectMarkdownAgrees(active.stdout, matrix);
    const named = await cli(['--version', '2026-11-01.5', '--format', 'csv'], withHub);
    expect(named.stderr).toContain('Hub database, version 2026-11-01.5 (ACTIVE)');
    expect(parseCsv(named.stdout)).toHaveLength(1 + matrix.length * SENSITIVITY_LEVELS.length);

    const script = await fromHub;
    expect({ code: script.code, stderr: script.code === 0 ? '' : script.stderr }).toEqual({ code: 0, stderr: '' });
    expectMarkdownAgrees(script.stdout, matrix.filter((row) => row.caseStatus === 'OPEN'));
  });

  it.each([
    [['--format', 'pdf'], noHub, '--format must be markdown or csv, not pdf'],
    [['--status', 'SHUT'], noHub, '--status must be one or more of OPEN, CLOSED_WITHIN_WINDOW, CLOSED_AFTER_WINDOW (comma-separated), not SHUT'],
    [['--version', '1', '--file', 'x.json'], noHub, 'give --version or --file, not both'],
    [['--file', '/nonexistent/policy.json'], noHub, 'cannot read /nonexistent/policy.json as JSON'],
    [['--rag', 'RED'], noHub, "Unknown option '--rag'"],
    [['--version', '2026-11-01.5'], noHub, 'no hub database at'],
    [['--version', '1999-01-01.1'], withHub, 'there is no ISA policy version 1999-01-01.1 in the hub database'],
  ])('refuses %j with exit code 2 and says why', async (args, env, message) => {
    const { code, stderr, stdout } = await cli(args as string[], env as NodeJS.ProcessEnv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: npm run policy:matrix');
    expect(stdout).toBe('');
  });

  it('refuses an invalid policy file naming what is wrong, and exits 2 from the real script', async () => {
    const failed = await invalidFile;
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('bad.json is not a valid ISA policy: /closedCaseWindowHours');
  });
});
