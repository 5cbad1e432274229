import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A few seconds of `npm run load` (scripts/load.js, the build npm test makes first) against the
// test Postgres server: the figures are there, nothing failed, every acknowledged write was found
// and the chain verified. The speed itself is not asserted (the script's own p99 check is left to
// the real run); only that the exit code agrees with the checks the script reports.
const REPO = path.resolve(__dirname, '../..');
const SCRIPT = path.join(REPO, 'scripts', 'load.js');
const serverUrl = process.env.TEST_DATABASE_URL;
jest.setTimeout(180_000);

function load(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: REPO, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 170_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface KindFigures {
  requests: number;
  errors: number;
  expectedDenials: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

describe('npm run load: refusals (no database needed)', () => {
  test.each([
    [['--database-url', 'postgres://postgres@10.1.2.3:5432/postgres'], /loopback only: refused database host "10.1.2.3"/],
    [['--database-url', 'postgres://postgres@db.example.org/postgres'], /loopback only: refused database host "db.example.org"/],
    [['--database-url', 'postgres://postgres@127.0.0.1/postgres?host=db.example.org'], /loopback only: refused database host "db.example.org"/],
    [['--mix', 'triage=5,delete=1'], /--mix: "delete=1" is not <kind>=<whole number>/],
    [['--mix', 'triage=0'], /--mix needs at least one kind with a weight above 0/],
    [['--connections', '0'], /--connections must be a whole number above 0/],
    [['--warmup', '1.5'], /--warmup must be a whole number of seconds from 0 to 600/],
    [['--database-prefix', 'Robert; DROP'], /--database-prefix must be lower-case letters/],
  ])('%j: exit 2 with the reason and the usage, before anything starts', async (args, message) => {
    const { code, stdout, stderr } = await load(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage: npm run load');
  });
});

// npm run load measures server mode only (five services on their own Postgres databases): in
// embedded mode (no TEST_DATABASE_URL) the run is skipped, the refusals above still run.
const serverOnly = serverUrl ? describe : describe.skip;

serverOnly('npm run load for 3 s at 4 connections against TEST_DATABASE_URL [Postgres only: needs TEST_DATABASE_URL]', () => {
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-load-smoke-'));
  let run: { code: number | null; stdout: string; stderr: string };
  let report: {
    pass: boolean;
    method: string[];
    settings: { durationS: number; connections: number; mixSequence: string[] };
    figures: { overall: KindFigures; kinds: Record<string, KindFigures>; errorsByKindAndCode: Record<string, Record<string, number>> };
    warmup: { seconds: number; figures: { overall: KindFigures; kinds: Record<string, KindFigures> } } | null;
    writes: { acknowledged: number; present: number; missing: number; referenceMismatches: number; inDatabase: number };
    chain: { ok: boolean; entries: number };
    checks: { check: string; ok: boolean; detail: string }[];
  };

  beforeAll(async () => {
    run = await load([
      '--duration', '3', '--warmup', '1', '--connections', '4', '--seed-people', '200', '--users', '2',
      '--database-url', serverUrl as string, '--database-prefix', `mash_loadsmoke_${process.pid}`, '--results-dir', resultsDir,
    ]);
    const files = fs.readdirSync(resultsDir).filter((name) => /^load-.+\.json$/.test(name));
    if (files.length !== 1) throw new Error(`expected one results file, found ${files.length}; exit ${run.code}; stderr: ${run.stderr.slice(-2000)}`);
    report = JSON.parse(fs.readFileSync(path.join(resultsDir, files[0]), 'utf8'));
  });
  afterAll(() => fs.rmSync(resultsDir, { recursive: true, force: true }));

  test('writes JSON with the figures per kind and overall, and the method', () => {
    expect(report.settings).toMatchObject({ durationS: 3, connections: 4 });
    expect(report.settings.mixSequence).toEqual(expect.arrayContaining(['triage', 'cases', 'write']));
    for (const kind of ['triage', 'cases', 'write', 'overall']) {
      const figures = kind === 'overall' ? report.figures.overall : report.figures.kinds[kind];
      expect(figures.requests).toBeGreaterThan(0);
      for (const field of ['throughput', 'p50', 'p90', 'p99', 'max'] as const) expect(typeof figures[field]).toBe('number');
      expect(figures.p50).toBeLessThanOrEqual(figures.p90);
      expect(figures.p90).toBeLessThanOrEqual(figures.p99);
      expect(figures.p99).toBeLessThanOrEqual(figures.max);
    }
    const kinds = ['triage', 'cases', 'write'].map((kind) => report.figures.kinds[kind].requests);
    expect(report.figures.overall.requests).toBe(kinds.reduce((sum, n) => sum + n, 0));
    expect(report.method.join('\n')).toMatch(/autocannon .+4 connections.+for 3 s, after a warm-up of 1 s/);
    // The warm-up is reported apart, with its own figures, and left out of the run's.
    expect(report.warmup?.seconds).toBe(1);
    expect(report.warmup?.figures.overall.requests).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^warm-up \(1 s, not in the figures above\): \d+ answered/m);
    expect(report.method.join('\n')).toMatch(/An error is:/);
    expect(run.stdout).toMatch(/^overall +\d/m);
  });

  test('no errors other than expected denials', () => {
    expect(report.figures.errorsByKindAndCode).toEqual({});
    expect(report.figures.overall.errors).toBe(0);
    expect(report.checks.find((check) => check.check.startsWith('no errors'))).toMatchObject({ ok: true });
  });

  test('every write the client got a case for is in the hub database, and the chain verifies', () => {
    expect(report.writes.acknowledged).toBeGreaterThan(0);
    // The warm-up's writes are checked with the run's.
    expect(report.writes.acknowledged).toBe(report.figures.kinds.write.requests + (report.warmup?.figures.kinds.write?.requests ?? 0));
    expect(report.writes).toMatchObject({ present: report.writes.acknowledged, missing: 0, referenceMismatches: 0 });
    expect(report.writes.inDatabase).toBeGreaterThanOrEqual(report.writes.acknowledged);
    expect(report.chain.ok).toBe(true);
    expect(report.chain.entries).toBeGreaterThan(report.figures.overall.requests);
    expect(report.checks.filter((check) => /write|chain/.test(check.check)).map((check) => check.ok)).toEqual([true, true]);
  });

  test('the exit code is 0 exactly when every check passed (each failed check named)', () => {
    expect(run.code).toBe(report.pass ? 0 : 1);
    expect(report.pass).toBe(report.checks.every((check) => check.ok));
    for (const check of report.checks) expect(run.stdout).toContain(`${check.ok ? 'PASS' : 'FAIL'}  ${check.check}`);
  });
});
