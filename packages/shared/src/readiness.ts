import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { integer } from './config';
import type { KeySource } from './grants/verifier';
import type { Logger } from './logger';

/**
 * Readiness (`/ready`): can this service do its work now? Unlike `/health` (the process is alive),
 * it checks what the service depends on: its database answers, its migrations are all applied and,
 * for an agency, it holds the gateway's keys to verify grants. A failing check is named with a
 * short fixed reason: never an error message, which could quote a host, a user or a query.
 */
export interface ReadinessCheck {
  name: string;
  /** Resolves when ready; rejects with `NotReady` (its message is the reason shown) or any error. */
  run(): Promise<void>;
}

/** A check's failure whose message is safe to show as the reason. */
export class NotReady extends Error {
  override name = 'NotReady';
}

export interface ReadinessOptions {
  /** Longest a probe waits for its checks, in ms (`MASH_READY_TIMEOUT_MS`). Default 2000. */
  timeoutMs?: number;
  /** How long one result answers later probes, in ms (`MASH_READY_CACHE_MS`). Default 1000; 0 checks every time. */
  cacheMs?: number;
  /** Receives `readiness.waiting` (info) when first not ready, `readiness.failed` (warn) when it stops being ready, `readiness.ok` when it is (again). */
  logger?: Logger;
}

export type ReadinessResult = { status: 'ok' } | { status: 'failed'; reason: string };
export interface ReadinessReport {
  status: 'ready' | 'not ready';
  checks: Record<string, ReadinessResult>;
  /** The names of the failing checks (absent when ready). */
  failing?: string[];
}

/** `MASH_READY_TIMEOUT_MS` and `MASH_READY_CACHE_MS`, read once when the service is built. */
export function readinessOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<Omit<ReadinessOptions, 'logger'>> {
  return { timeoutMs: integer('MASH_READY_TIMEOUT_MS', 2000, env), cacheMs: integer('MASH_READY_CACHE_MS', 1000, env) };
}

/** `SELECT 1` on the service's pool: a connection can be had and the server answers. */
export function databaseCheck(dataSource: DataSource): ReadinessCheck {
  return {
    name: 'database',
    async run() {
      if (!dataSource.isInitialized) throw new NotReady('not connected');
      await dataSource.query('SELECT 1');
    },
  };
}

/**
 * Every migration this build knows is recorded as applied (read from TypeORM's migrations table,
 * not `showMigrations()`, which would create the table and log each migration).
 */
export function migrationsCheck(dataSource: DataSource): ReadinessCheck {
  return {
    name: 'migrations',
    async run() {
      if (!dataSource.isInitialized) throw new NotReady('not connected');
      const table = dataSource.driver.escape(dataSource.options.migrationsTableName ?? 'migrations');
      let applied: Set<string>;
      try {
        applied = new Set(((await dataSource.query(`SELECT name FROM ${table}`)) as { name: string }[]).map((row) => row.name));
      } catch (error) {
        // 42P01: no migrations table, so nothing has been applied.
        if ((error as { code?: string }).code !== '42P01') throw error;
        applied = new Set();
      }
      const pending = dataSource.migrations.filter((migration) => !applied.has(migration.name ?? migration.constructor.name));
      if (pending.length > 0) throw new NotReady(`${pending.length} pending`);
    },
  };
}

/** The key types a grant can be signed with (ES256: P-256; EdDSA: Ed25519). */
const GRANT_KEY = (key: { kty?: string; crv?: string }) => (key.kty === 'EC' && key.crv === 'P-256') || (key.kty === 'OKP' && key.crv === 'Ed25519');

/**
 * An agency holds a key it could verify a grant with: the pinned set, or the gateway's published
 * set, fetched again (bounded by the verifier's own timeout) when the copy held is missing or stale.
 */
export function gatewayKeysCheck(keys: KeySource): ReadinessCheck {
  return {
    name: 'gatewayKeys',
    async run() {
      const remote = 'reload' in keys ? keys : undefined;
      if (remote && (!remote.fresh || !remote.jwks())) {
        try {
          await remote.reload();
        } catch (error) {
          throw new NotReady(`key set unreachable (${(error as Error).name})`);
        }
      }
      const set = keys.jwks();
      if (!set?.keys.some(GRANT_KEY)) throw new NotReady('no usable key');
    },
  };
}

/** Runs every check at once, each bounded by `timeoutMs`; never rejects. */
export async function checkReadiness(checks: ReadinessCheck[], timeoutMs: number, running = new Map<string, Promise<void>>()): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<[string, ReadinessResult, unknown?]> => {
      // One run of a check at a time: a database that hangs is not sent a new query every probe.
      let run = running.get(check.name);
      if (!run) {
        run = check.run().finally(() => running.delete(check.name));
        running.set(check.name, run);
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new NotReady('timed out')), timeoutMs);
      });
      try {
        await Promise.race([run, timeout]);
        return [check.name, { status: 'ok' }];
      } catch (error) {
        return [check.name, { status: 'failed', reason: reasonOf(error) }, error];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const failing = results.filter(([, result]) => result.status === 'failed').map(([name]) => name);
  return {
    status: failing.length === 0 ? 'ready' : 'not ready',
    checks: Object.fromEntries(results.map(([name, result]) => [name, result])),
    ...(failing.length > 0 ? { failing } : {}),
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof NotReady) return error.message;
  const code = (error as { code?: unknown }).code;
  const name = (error as Error)?.name ?? 'Error';
  // A driver's code (ECONNREFUSED, 57P01) and the error's class name say what failed, and nothing more.
  return `failed (${typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code) ? code : /^[A-Za-z]{1,64}$/.test(name) ? name : 'Error'})`;
}

/**
 * `GET /ready`: 200 with every check `ok`, or 503 naming the failing checks. Probes within
 * `cacheMs` of the last result, or arriving while a round is running, share it.
 */
export function readinessRoute(checks: ReadinessCheck[], options: ReadinessOptions = {}): RequestHandler {
  const { timeoutMs, cacheMs } = { ...readinessOptionsFromEnv(), ...definedOnly(options) };
  const running = new Map<string, Promise<void>>();
  let last: { at: number; report: Promise<ReadinessReport> } | undefined;
  let wasReady: boolean | undefined;
  const report = (): Promise<ReadinessReport> => {
    const now = Date.now();
    if (last && now - last.at < cacheMs) return last.report;
    const round = checkReadiness(checks, timeoutMs, running).then((result) => {
      const ready = result.status === 'ready';
      if (ready !== wasReady && !(ready && wasReady === undefined)) {
        const reasons = () => ({ failing: result.failing!.join(','), reasons: result.failing!.map((name) => `${name}: ${(result.checks[name] as { reason: string }).reason}`).join('; ') });
        // Not ready yet at start-up (an agency waiting for the gateway's keys) is no warning; ceasing to be ready is.
        if (ready) options.logger?.info('readiness.ok', {});
        else if (wasReady === undefined) options.logger?.info('readiness.waiting', reasons());
        else options.logger?.warn('readiness.failed', reasons());
      }
      wasReady = ready;
      return result;
    });
    // While a round runs, probes share it; once done, it answers for `cacheMs`.
    last = { at: Number.POSITIVE_INFINITY, report: round };
    void round.then(() => {
      if (last?.report === round) last = { at: Date.now(), report: round };
    });
    return round;
  };
  return (_req, res) => {
    void report().then((result) => {
      res
        .status(result.status === 'ready' ? 200 : 503)
        .set('Cache-Control', 'no-store')
        .json(result);
    });
  };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
