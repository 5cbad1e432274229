import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// The compiled package, as `npm start` runs it: this also proves jose loads from CommonJS at run time.
const grantsModule = path.join(path.dirname(require.resolve('@mash/shared')), 'grants');
const run = promisify(execFile);

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-grant-race-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('gateway processes starting together in demo mode agree on one signing key', async () => {
  const script = `require(${JSON.stringify(grantsModule)}).loadOrCreateSigningKey({ generate: true }).then((key) => process.stdout.write(key.kid))`;
  const env = { ...process.env, MASH_DATA_DIR: dataDir };
  const results = await Promise.all(Array.from({ length: 6 }, () => run(process.execPath, ['-e', script], { env })));
  const kids = new Set(results.map((result) => result.stdout));
  expect(kids.size).toBe(1);
  expect(fs.readdirSync(dataDir)).toEqual(['grant-signing-key.pem']);
  expect(fs.statSync(path.join(dataDir, 'grant-signing-key.pem')).mode & 0o777).toBe(0o600);
  expect(results.map((result) => result.stderr).join('')).toBe('');
});
