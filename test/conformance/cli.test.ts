import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './support';

const SCRIPT = path.join(REPO, 'scripts', 'conformance.js');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: REPO, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('npm run conformance -- --agency police: a table of named checks, "N passed, 0 failed", exit 0 and a JSON report', async () => {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mash-conformance-cli-')), 'report.json');
  try {
    const { code, stdout, stderr } = await cli(['--agency', 'police', '--json', json]);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^GROUP +CHECK +RESULT +REASON$/m);
    expect(stdout).toMatch(/^refusals +no grant +PASS +401 with the fixed body/m);
    expect(stdout).toMatch(/^disclosure-log +.+PASS/m);
    expect(stdout).not.toMatch(/ FAIL /);
    const summary = /^(\d+) passed, (\d+) failed/m.exec(stdout);
    const report = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(summary && [Number(summary[1]), Number(summary[2])]).toEqual([report.checks.length, 0]);
    expect(report).toMatchObject({ agency: 'police', mode: 'throwaway', failed: 0 });
  } finally {
    fs.rmSync(path.dirname(json), { recursive: true, force: true });
  }
});

test.each([
  [['--agency', 'fire-service'], /--agency must be one of police, social-care, health, education/],
  [[], /--agency is required/],
  [['--agency', 'police', '--url', 'http://127.0.0.1:1/graphql'], /--url needs --grant-key/],
  [['--agency', 'police', '--grant-key', 'key.pem'], /--grant-key is only for --url/],
  [['--agency', 'police', '--colour'], /Unknown option '--colour'/],
  [['--agency', 'police', '--reference-date', '2026-02-30'], /--reference-date must be a real date/],
])('a bad argument (%j) gets a usage message and exit 2', async (args, message) => {
  const { code, stdout, stderr } = await cli(args);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  expect(stderr).toContain('usage: npm run conformance -- --agency');
});
