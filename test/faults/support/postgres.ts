import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePorts, onOrphaned } from './stack';

/**
 * Databases for the fault tests.
 *
 * A private Postgres server (initdb + pg_ctl into a temporary folder, trust auth, a free port) for
 * the tests that stop, cut or restart the database: doing that to the shared server would break
 * every other test file running beside them. Or, for the rest, fresh databases on the server
 * TEST_DATABASE_URL names, dropped afterwards.
 */

/** Where initdb and pg_ctl are (Debian's postgresql packages), or null. */
export function postgresBinaries(): string | null {
  const explicit = process.env.MASH_PG_BIN;
  const candidates = explicit ? [explicit] : listVersions();
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((bin) => fs.existsSync(path.join(dir, bin)))) ?? null;
}

function listVersions(): string[] {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return [];
  return fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)).map((version) => path.join(base, version, 'bin'));
}

export interface PrivatePostgres {
  port: number;
  /** A URL for a database of that name on this server (the services create it on first start). */
  url(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  /** Stops the server at once and removes its files. */
  remove(): void;
}

/**
 * Starts a throw-away Postgres server. Postgres refuses to run as root, so as root the folder is
 * handed to the `postgres` user and the binaries run as that user.
 */
export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-faults-pg-'));
  // Never left behind by a test runner that ends early (pg_ctl's server is not our child).
  const releaseDir = onOrphaned({ rm: dir });
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, 'data');
  const [port] = await freePorts(1);
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (asUser) fs.chownSync(dir, asUser.uid, asUser.gid);
  // Never synchronous while services run: this process's event loop also carries the TCP proxies.
  // Output to a file and the exit awaited, not the pipes' end: a server pg_ctl starts keeps them.
  const run = (command: string, args: string[]) => new Promise<void>((resolve, reject) => {
    const outFile = path.join(dir, `${command}.out`);
    const out = fs.openSync(outFile, 'w');
    const child = spawn(path.join(bin, command), args, { cwd: dir, stdio: ['ignore', out, out], ...(asUser ?? {}) });
    fs.closeSync(out);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${fs.readFileSync(outFile, 'utf8').slice(-500)}`));
    });
  });
  const runNow = (command: string, args: string[]) => spawnSync(path.join(bin, command), args, { cwd: dir, timeout: 30_000, ...(asUser ?? {}) });
  const options = [
    `-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`,
    // Throw-away data: durability costs time and buys nothing here.
    '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200',
  ].join(' ');
  const ctl = (action: string, ...extra: string[]) => run('pg_ctl', [action, '-D', data, '-w', '-t', '60', ...extra]);
  const log = ['-l', path.join(dir, 'postgres.log')];
  const start = () => ctl('start', '-o', options, ...log);
  const releaseServer = onOrphaned({ pgCtl: path.join(bin, 'pg_ctl'), data, ...(asUser ?? {}) });
  let removed = false;
  const server: PrivatePostgres = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => ctl('stop', '-m', 'fast'),
    start,
    restart: () => ctl('restart', '-m', 'fast', '-o', options, ...log),
    remove() {
      if (removed) return;
      removed = true;
      runNow('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      fs.rmSync(dir, { recursive: true, force: true });
      releaseServer();
      releaseDir();
    },
  };
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await start();
  } catch (error) {
    server.remove();
    throw error;
  }
  return server;
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root and there is no postgres user to run Postgres as');
  return { uid, gid };
}

/** Fresh database names on the TEST_DATABASE_URL server, one per service, dropped by `drop()`. */
export function serverDatabases(server: string, services: string[]): { urls: Record<string, string>; drop(): Promise<void> } {
  const suffix = randomBytes(4).toString('hex');
  const urls: Record<string, string> = {};
  const releases: (() => void)[] = [];
  for (const service of services) {
    const url = new URL(server);
    const name = `mash_fault_${service.replace(/-/g, '_')}_${suffix}`;
    url.pathname = `/${name}`;
    urls[service] = url.toString();
    releases.push(onOrphaned({ dropDatabase: { server, name } }));
  }
  return {
    urls,
    async drop() {
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        for (const url of Object.values(urls)) await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
        releases.forEach((release) => release());
      } finally {
        await client.end();
      }
    },
  };
}
