import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { envPrefix } from '../config';
import { generateSigningKey, type SigningKey } from '../grants/keys';
import { insertConformancePeople, redact } from './prepare';
import { ConformanceSetupError, type AnyAgencyAdapter } from './types';

export interface ThrowawayOptions {
  adapter: AnyAgencyAdapter;
  /** A Postgres server to create the throw-away database on; absent, embedded PGlite in a temp folder. */
  serverUrl?: string;
  /** The agency's entry point. Default `subgraphs/<agency>/dist/index.js` in this repository. */
  entryPoint?: string;
  /** The agency's `MASH_REFERENCE_DATE`, and the date the conformance people are dated from. */
  asOf: string;
  /** `iss` the agency is told to expect. */
  issuer: string;
  /** Longest wait for `/health` to answer. Default 60 s. */
  startTimeoutMs?: number;
  /** Aborting stops the agency and removes everything made so far, at whatever step. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface ThrowawayDeployment {
  /** The agency's `/graphql` address, on 127.0.0.1. */
  url: string;
  /** The grant key the agency was told is the gateway's (its public half pinned in a JWKS file). */
  key: SigningKey;
  database: 'server' | 'embedded';
  /** Stops the agency, drops its database and removes its temp folder. */
  stop(): Promise<void>;
}

/**
 * A deployment of the agency made for one run: a fresh database, migrated and holding only the
 * conformance people; a throw-away grant key pair; and the agency's real entry point as a child
 * process on a free loopback port, configured only through its documented environment.
 */
export async function startThrowawayDeployment(options: ThrowawayOptions): Promise<ThrowawayDeployment> {
  const { adapter, asOf } = options;
  const log = options.log ?? (() => undefined);
  const prefix = envPrefix(adapter.agency);
  const entryPoint = options.entryPoint ?? path.resolve(__dirname, '../../../../subgraphs', adapter.agency, 'dist/index.js');
  if (!fs.existsSync(entryPoint)) throw new ConformanceSetupError(`${entryPoint} does not exist: build the ${adapter.agency} subgraph first`);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((error: Error) => log(`cleanup: ${error.message}`));
  };
  // Every step checks the signal, so an abort lands in the catch below, which undoes all steps in order.
  const checkpoint = () => options.signal?.throwIfAborted();
  try {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), `mash-conformance-${adapter.agency}-`));
    cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
    const env: Record<string, string> = {};
    if (options.serverUrl) {
      const name = `mash_conformance_${prefix.toLowerCase()}_${randomBytes(6).toString('hex')}`;
      const url = new URL(options.serverUrl);
      url.pathname = `/${name}`;
      log(`creating database ${name} on ${redact(options.serverUrl)}`);
      await adminQuery(options.serverUrl, `CREATE DATABASE ${name}`);
      cleanups.push(() => adminQuery(options.serverUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      checkpoint();
      await insertConformancePeople(adapter, { url: url.toString(), migrate: true, asOf });
      env[`${prefix}_DATABASE_URL`] = url.toString();
    } else {
      const dataDir = path.join(folder, 'data');
      log(`creating embedded database under ${dataDir}`);
      await insertConformancePeople(adapter, { embeddedPath: path.join(dataDir, adapter.agency), migrate: true, asOf });
      env.MASH_DATA_DIR = dataDir;
    }
    checkpoint();
    const key = await generateSigningKey();
    const jwksFile = path.join(folder, 'gateway-jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify({ keys: [key.publicJwk] }));
    const port = await freePort();
    log(`starting ${entryPoint} on 127.0.0.1:${port}`);
    const child = spawn(process.execPath, [entryPoint], {
      env: {
        ...withoutServiceSettings(process.env, prefix), ...env,
        [`${prefix}_PORT`]: String(port), MASH_HOST: '127.0.0.1', MASH_GATEWAY_JWKS_FILE: jwksFile, MASH_GRANT_ISSUER: options.issuer,
        MASH_SEED: 'false', MASH_LOG_LEVEL: 'warn', MASH_REFERENCE_DATE: asOf, MASH_CHECKPOINTS: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // 'close' (exited and its output pipes shut), not 'exit': an open pipe would keep this process alive.
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const output = keepTail(child);
    cleanups.push(() => stopChild(child, closed));
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, output, options.startTimeoutMs ?? 60_000, options.signal);
    checkpoint();
    return { url: `http://127.0.0.1:${port}/graphql`, key, database: options.serverUrl ? 'server' : 'embedded', stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The parent's environment without the settings that would change what is being tested (another
 * database, key source, threshold or reference date): the child gets only what the suite sets.
 */
function withoutServiceSettings(env: NodeJS.ProcessEnv, prefix: string): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('MASH_') && !name.startsWith(`${prefix}_`)));
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new ConformanceSetupError(`Postgres at ${redact(serverUrl)} refused "${sql}": ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The child's last few kilobytes of output, for the message when it fails to start. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail.trim();
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new ConformanceSetupError(`the agency exited (${child.exitCode ?? child.signalCode}) before answering /health: ${output() || 'no output'}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new ConformanceSetupError(`the agency did not answer ${url} within ${timeoutMs / 1000} s: ${output() || 'no output'}`);
}

/** SIGTERM (the agency closes its database cleanly), then SIGKILL if it has not gone within 10 s. */
async function stopChild(child: ChildProcess, closed: Promise<void>): Promise<void> {
  const within = (ms: number) => Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  if (await within(10_000)) return;
  child.kill('SIGKILL');
  await within(5_000);
}
