import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export interface ChainVerdict {
  exitCode: number | null;
  output: string;
}

/**
 * `npm run audit:verify -- --hub-only` as an operator runs it: the hub's access-log chain checked
 * offline, on the server database at `hubUrl` or, with a data folder, the embedded one under it
 * (only once the gateway that used it has stopped: PGlite's files are for one process at a time).
 */
export function verifyAuditChain(hub: { url: string } | { dataDir: string } | string): Promise<ChainVerdict> {
  const target = typeof hub === 'string' ? { url: hub } : hub;
  const env: NodeJS.ProcessEnv = { ...process.env, MASH_LOG_LEVEL: 'error' };
  delete env.HUB_DATABASE_URL;
  if ('url' in target) env.HUB_DATABASE_URL = target.url;
  else env.MASH_DATA_DIR = target.dataDir;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'gateway/dist/audit/verify-cli.js'), '--hub-only'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output: output.trim() });
    });
  });
}
