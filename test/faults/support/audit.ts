import { runVerifyCli } from '@mash/gateway/dist/audit/verify-cli';

export interface ChainVerdict {
  exitCode: number | null;
  output: string;
}

/**
 * `npm run audit:verify -- --hub-only` as an operator runs it, through the command's entry point
 * in this process (test/audit/verify-cli.test.ts starts it as a process): the hub's access-log
 * chain checked offline, on the server database at `hubUrl` or, with a data folder, the embedded
 * one under it (only once the gateway that used it has stopped: PGlite's files are for one process
 * at a time).
 */
export async function verifyAuditChain(hub: { url: string } | { dataDir: string } | string): Promise<ChainVerdict> {
  const target = typeof hub === 'string' ? { url: hub } : hub;
  const env: NodeJS.ProcessEnv = { ...process.env, MASH_LOG_LEVEL: 'error' };
  delete env.HUB_DATABASE_URL;
  if ('url' in target) env.HUB_DATABASE_URL = target.url;
  else env.MASH_DATA_DIR = target.dataDir;
  let output = '';
  const exitCode = await runVerifyCli(['--hub-only'], { stdout: (text) => void (output += text), stderr: (text) => void (output += text), env });
  return { exitCode, output: output.trim() };
}
