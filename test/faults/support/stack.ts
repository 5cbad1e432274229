import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AGENCIES, envPrefix, type AgencyName } from '@mash/shared';

/**
 * The five services as `npm start` runs them (scripts/start.js): each its own Node process from its
 * built `dist/index.js`, here on free ports, under a throw-away MASH_DATA_DIR, with their log lines
 * in files beside it. Killing, stopping (SIGSTOP) and restarting one is what the fault tests do.
 */

const ROOT = path.resolve(__dirname, '../../..');
export type ServiceName = AgencyName | 'gateway';
const ENTRIES: Record<ServiceName, string> = {
  police: 'subgraphs/police/dist/index.js',
  'social-care': 'subgraphs/social-care/dist/index.js',
  health: 'subgraphs/health/dist/index.js',
  education: 'subgraphs/education/dist/index.js',
  gateway: 'gateway/dist/index.js',
};
export const SERVICES: ServiceName[] = [...AGENCIES, 'gateway'];

export interface StackOptions {
  /** Postgres URL per service (server mode); a service left out runs on embedded PGlite. */
  databaseUrls?: Partial<Record<ServiceName | 'hub', string>>;
  /** AGENCY_TIMEOUT_MS of the gateway. */
  agencyTimeoutMs: number;
  /** MASH_SEED_PEOPLE for every service (the demo cases' subjects are among them). */
  people?: number;
  /** Extra variables for every service. */
  env?: Record<string, string>;
  /** Start-up deadline per service. */
  startupMs?: number;
}

export interface Service {
  name: ServiceName;
  port: number;
  url: string;
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Sends a signal (SIGKILL, SIGSTOP, SIGCONT...). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, and the exit seen. */
  kill(): Promise<void>;
  /** A new process on the same port with the same settings, once its /ready answers 200. */
  start(): Promise<void>;
}

export interface Stack {
  dataDir: string;
  services: Record<ServiceName, Service>;
  gatewayUrl: string;
  /** The last lines each service wrote, for a failing test's message. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** Variables of the test runner that must not leak into a service (its own databases, ports, mode). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const services = [...AGENCIES, 'hub', 'gateway'].map(envPrefix);
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('MASH_') || key.startsWith('OTEL_') || key === 'TEST_DATABASE_URL' || key === 'AGENCY_TIMEOUT_MS') continue;
    if (services.some((prefix) => key.startsWith(`${prefix}_`))) continue;
    env[key] = value;
  }
  return env;
}

/**
 * Ports free now, for services to listen on. Taken below the kernel's ephemeral range: a port the
 * kernel hands out for port 0 may meanwhile become the local end of some outgoing connection (every
 * test's database clients make them), and a service started on it would fail with EADDRINUSE.
 */
export async function freePorts(count: number): Promise<number[]> {
  const range = '/proc/sys/net/ipv4/ip_local_port_range';
  const ephemeralLow = fs.existsSync(range) ? Number(fs.readFileSync(range, 'utf8').trim().split(/\s+/)[0]) : NaN;
  const high = Number.isInteger(ephemeralLow) && ephemeralLow > 12_000 ? ephemeralLow : 32_768;
  const low = high - 10_000;
  const ports: number[] = [];
  while (ports.length < count) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (!ports.includes(port) && (await canListen(port))) ports.push(port);
  }
  return ports;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** What the reaper (reaper.js) undoes if this test process ends before its own clean-up. */
export type OrphanAction =
  | { pid: number }
  | { pgCtl: string; data: string; uid?: number; gid?: number }
  | { rm: string }
  | { dropDatabase: { server: string; name: string } };

let reaper: ChildProcess | null = null;
let nextKey = 0;

/**
 * Registers `action` with this test file's reaper, a detached process that carries it out should
 * this process end first (killed, interrupted, timed out before afterAll: exit handlers registered
 * inside Jest's sandbox never run). Returns the release, called once the test has cleaned up.
 */
export function onOrphaned(action: OrphanAction): () => void {
  if (!reaper || reaper.exitCode !== null) {
    reaper = spawn(process.execPath, [path.join(__dirname, 'reaper.js')], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    reaper.unref();
    reaper.stdin!.on('error', () => undefined);
    (reaper.stdin as unknown as { unref(): void }).unref();
  }
  const key = String(nextKey++);
  const stdin = reaper.stdin!;
  stdin.write(`add ${key} ${JSON.stringify(action)}\n`);
  return () => {
    if (!stdin.destroyed) stdin.write(`del ${key}\n`);
  };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-faults-'));
  const releaseDataDir = onOrphaned({ rm: dataDir });
  const ports = await freePorts(SERVICES.length);
  const portOf = Object.fromEntries(SERVICES.map((name, index) => [name, ports[index]])) as Record<ServiceName, number>;
  const gatewayBase = `http://127.0.0.1:${portOf.gateway}`;
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    MASH_DEMO_MODE: 'true',
    MASH_DATA_DIR: dataDir,
    MASH_SEED_PEOPLE: String(options.people ?? 400),
    AGENCY_TIMEOUT_MS: String(options.agencyTimeoutMs),
    GATEWAY_PORT: String(portOf.gateway),
    MASH_GATEWAY_JWKS_URL: `${gatewayBase}/.well-known/jwks.json`,
    MASH_GATEWAY_CHECKPOINT_URL: `${gatewayBase}/audit/checkpoint`,
    // Checkpoints are another test's subject; here they would only add load and log lines.
    MASH_CHECKPOINTS: 'false',
    MASH_AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    // One test user sends many requests; the per-user rate limit is another test's subject.
    MASH_RATE_LIMIT_PER_MINUTE: '0',
    // Readiness as it is now, not as it was a second ago: the tests watch it change.
    MASH_READY_CACHE_MS: '0',
    ...options.env,
  };
  for (const agency of AGENCIES) {
    env[`${envPrefix(agency)}_PORT`] = String(portOf[agency]);
    env[`${envPrefix(agency)}_URL`] = `http://127.0.0.1:${portOf[agency]}/graphql`;
  }
  for (const [service, url] of Object.entries(options.databaseUrls ?? {})) {
    if (url) env[`${envPrefix(service === 'gateway' ? 'hub' : service)}_DATABASE_URL`] = url;
  }
  const startupMs = options.startupMs ?? 90_000;
  const logFile = (name: ServiceName) => path.join(dataDir, `${name}.log`);

  const makeService = (name: ServiceName): Service => {
    let child: ChildProcess | null = null;
    let exited: Promise<void> = Promise.resolve();
    const service: Service = {
      name,
      port: portOf[name],
      url: `http://127.0.0.1:${portOf[name]}`,
      get pid() {
        return child?.pid;
      },
      get running() {
        return child !== null && child.exitCode === null && child.signalCode === null;
      },
      signal(signal) {
        if (service.running) child!.kill(signal);
      },
      async kill() {
        if (!service.running) return;
        child!.kill('SIGKILL');
        await exited;
      },
      async start() {
        const out = fs.openSync(logFile(name), 'a');
        const started = spawn(process.execPath, [path.join(ROOT, ENTRIES[name])], { cwd: ROOT, env, stdio: ['ignore', out, out] });
        fs.closeSync(out);
        child = started;
        const release = onOrphaned({ pid: started.pid! });
        exited = new Promise((resolve) => started.once('exit', () => {
          release();
          resolve();
        }));
        await waitForReady(service, () => started.exitCode !== null || started.signalCode !== null, startupMs, logFile(name));
      },
    };
    return service;
  };

  const services = Object.fromEntries(SERVICES.map((name) => [name, makeService(name)])) as Record<ServiceName, Service>;
  const stack: Stack = {
    dataDir,
    services,
    gatewayUrl: `${gatewayBase}/graphql`,
    logTail(lines = 15) {
      return SERVICES.map((name) => {
        const text = fs.existsSync(logFile(name)) ? fs.readFileSync(logFile(name), 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
        return `--- ${name}\n${text}`;
      }).join('\n');
    },
    async stop() {
      await Promise.allSettled(SERVICES.map((name) => stopService(services[name])));
      fs.rmSync(dataDir, { recursive: true, force: true });
      releaseDataDir();
    },
  };
  try {
    // An agency is ready once it holds the gateway's keys: all five start at once.
    await Promise.all(SERVICES.map((name) => services[name].start()));
  } catch (error) {
    const tail = stack.logTail();
    await stack.stop();
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
  return stack;
}

/** SIGTERM (after SIGCONT, should it be stopped), then SIGKILL if it has not gone in 5 s. */
async function stopService(service: Service): Promise<void> {
  if (!service.running) return;
  service.signal('SIGCONT');
  service.signal('SIGTERM');
  const deadline = Date.now() + 5000;
  while (service.running && Date.now() < deadline) await sleep(50);
  await service.kill();
}

/** As scripts/start.js waits: /ready answers 200 (database, migrations and, for agencies, the gateway's keys). */
async function waitForReady(service: Service, exited: () => boolean, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'not listening';
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`${service.name} exited while starting (see ${log})`);
    try {
      const response = await fetch(`${service.url}/ready`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      last = `${response.status} ${(await response.text()).slice(0, 200)}`;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`${service.name} was not ready on port ${service.port} within ${timeoutMs / 1000}s (${last})`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
