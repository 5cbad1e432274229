import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The repository's scripts read their command line one way (scripts/command-line.js): `--help`
// prints the usage and exits 0; an unknown option is named above the usage with exit 2, never a
// stack trace. Nothing here gets as far as starting anything.
const REPO = path.resolve(__dirname, '../..');

function run(script: string, args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [path.join(REPO, script), ...args], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
  return { status, stdout, stderr };
}

const SCRIPTS: [string, string][] = [
  ['bench/run.js', 'usage: npm run bench'],
  ['scripts/load.js', 'usage: npm run load'],
  ['scripts/conformance.js', 'usage: npm run conformance'],
  ['scripts/eval-matching.js', 'usage: npm run eval:matching'],
  ['scripts/token.js', 'usage: npm run token'],
];

test.each(SCRIPTS)('%s --help prints its usage and exits 0', (script, usage) => {
  const { status, stdout, stderr } = run(script, ['--help']);
  expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  expect(stdout).toContain(usage);
});

test.each(SCRIPTS)('%s names an unknown option above its usage and exits 2, without a stack trace', (script, usage) => {
  const { status, stdout, stderr } = run(script, ['--colour', 'red']);
  expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
  expect(stderr).toMatch(/Unknown option '--colour'/);
  expect(stderr).toContain(usage);
  expect(stderr).not.toMatch(/\n\s+at /);
});

test('npm run token without --role says it is required', () => {
  const { status, stderr } = run('scripts/token.js', []);
  expect(status).toBe(2);
  expect(stderr).toMatch(/--role is required\nusage: npm run token/);
});
