import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema, type Migration } from 'typeorm';
import pg from 'pg';
import { integer } from './config';

type EntityList = MixedList<Function | string | EntitySchema>;
type MigrationList = MixedList<Function | string>;

export interface DatabaseOptions {
  /** Service name, used for the embedded data folder and the connection's application name. */
  service: string;
  /** Postgres URL (server mode). When absent the service runs on embedded PGlite. */
  url?: string;
  /** Embedded mode only: a folder for the PGlite files, or `memory://` for a throw-away database. */
  embeddedPath?: string;
  entities: EntityList;
  migrations: MigrationList;
  /** Server mode connection pool size. Default 10. */
  poolSize?: number;
  /** Server mode: bounds for a service's connections (`databaseTimeoutsFromEnv`). Unset: none (command-line tools, whose statements may be long). */
  timeouts?: DatabaseTimeouts;
  /**
   * Plan every prepared statement once, without its values (`plan_cache_mode =
   * force_generic_plan` on every connection). An agency's hot path is a few named statements keyed
   * by ids and arrays whose best plan does not depend on the values; PostgreSQL's default would
   * plan its record loads afresh at every execution (a dozen correlated subqueries: planning cost
   * 1.0-1.6 ms of a 0.3-0.6 ms statement). Unset: PostgreSQL's default.
   */
  genericPlans?: boolean;
}

const GENERIC_PLANS = 'force_generic_plan';

/**
 * A service's bounds on its database, so that a database that stops answering (a host down, a
 * failover, a firewall forgetting connections) costs a request an error, not a wait without end, and
 * the service recovers by itself once the database answers again.
 */
export interface DatabaseTimeouts {
  /** `MASH_DB_CONNECT_TIMEOUT_MS`: longest wait for a connection, a new one or a free one of the pool. Default 10000; 0: no limit. */
  connectMs: number;
  /**
   * `MASH_DB_QUERY_TIMEOUT_MS`: longest wait for a statement's answer; past it the statement fails
   * and its connection is dropped, never handed out again. Default 30000; 0: no limit. Migrations
   * (run under `migrate`) are not bounded.
   */
  queryMs: number;
}

export function databaseTimeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTimeouts {
  return { connectMs: integer('MASH_DB_CONNECT_TIMEOUT_MS', 10_000, env), queryMs: integer('MASH_DB_QUERY_TIMEOUT_MS', 30_000, env) };
}

/** The statement bound of each server-mode data source opened with timeouts; `paused` while migrations run. */
const statementBounds = new WeakMap<DataSource, { queryMs: number; paused: number }>();

type BoundableConfig = pg.QueryConfig & { query_timeout?: number; submit?: unknown };

/**
 * pg's client with a bound on each statement. pg's own `query_timeout` fails the statement but
 * leaves it pending on the connection, which the pool then hands out again: a connection whose
 * server went silent would fail every statement after it too, and a pool of them never recovers.
 * So a statement that timed out ends its connection, and the pool opens a new one.
 */
function boundedClient(bound: { queryMs: number; paused: number }): typeof pg.Client {
  return class BoundedClient extends pg.Client {
    override query(...args: unknown[]): any {
      const timeout = bound.paused === 0 ? bound.queryMs : 0;
      const callsBack = typeof args[args.length - 1] === 'function';
      // Two forms are bounded: TypeORM's, query(text, values) answered with a promise, and the hot
      // paths' (agencyStore, the hub's entityRead), a config object (a named prepared statement)
      // through the pool, answered to the pool's callback.
      const [config, rest] =
        typeof args[0] === 'string' && !callsBack ? [{ text: args[0], values: args[1] as unknown[] | undefined }, []] : [args[0] as BoundableConfig | null, args.slice(1)];
      if (timeout <= 0 || !config || typeof config !== 'object' || typeof config.text !== 'string' || typeof config.submit === 'function' || config.query_timeout) {
        return (super.query as (...all: unknown[]) => unknown)(...args);
      }
      const dropIfTimedOut = (error: Error | null | undefined) => {
        if (error?.message === 'Query read timeout') (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      };
      const bounded = { ...config, query_timeout: timeout };
      if (callsBack) {
        const callback = rest[rest.length - 1] as (error: Error | null, result?: unknown) => void;
        rest[rest.length - 1] = (error: Error | null, result?: unknown) => {
          dropIfTimedOut(error);
          callback(error, result);
        };
        return (super.query as (...all: unknown[]) => unknown)(bounded, ...rest);
      }
      const pending = (super.query as (...all: unknown[]) => Promise<pg.QueryResult>)(bounded, ...rest);
      pending.catch(dropIfTimedOut);
      return pending;
    }
  } as typeof pg.Client;
}

export interface Database {
  dataSource: DataSource;
  mode: 'server' | 'embedded';
  close(): Promise<void>;
}

/**
 * Opens the service's database. Embedded mode serves PGlite (Postgres compiled to WebAssembly)
 * over the Postgres wire protocol on a loopback port, so the same `pg` driver and the same SQL run
 * in both modes; PGlite is a single session, hence a pool of one connection there.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const common = {
    type: 'postgres' as const,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error'] as DataSourceOptions['logging'],
    applicationName: `mash-${options.service}`,
  };
  if (options.url) {
    const bound = options.timeouts ? { queryMs: options.timeouts.queryMs, paused: 0 } : null;
    const extra = {
      ...(options.timeouts && bound ? { connectionTimeoutMillis: options.timeouts.connectMs, Client: boundedClient(bound) } : {}),
      // A startup parameter: every connection has it from its first statement on.
      ...(options.genericPlans ? { options: `-c plan_cache_mode=${GENERIC_PLANS}` } : {}),
    };
    const dataSource = new DataSource({ ...common, url: options.url, poolSize: options.poolSize ?? 10, ...(Object.keys(extra).length > 0 ? { extra } : {}) });
    if (bound) statementBounds.set(dataSource, bound);
    await dataSource.initialize();
    return { dataSource, mode: 'server', close: async () => { if (dataSource.isInitialized) await dataSource.destroy(); } };
  }
  const target = options.embeddedPath ?? 'memory://';
  if (target !== 'memory://') fs.mkdirSync(path.dirname(target), { recursive: true });
  // Loaded only here: a service on a Postgres server never needs PGlite, which costs every process
  // that loads it about 54 ms of CPU and 6.6 MiB of resident memory (measured 2026-12-02).
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { PGLiteSocketServer } = require('@electric-sql/pglite-socket') as typeof import('@electric-sql/pglite-socket');
  const pglite = await PGlite.create(target);
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  const dataSource = new DataSource({
    ...common,
    host: '127.0.0.1',
    port,
    username: 'postgres',
    database: 'postgres',
    poolSize: 1,
    // PGlite is one session for the life of the process, whatever socket connections come and go:
    // never close the idle connection, or the next one finds its own named statements already there.
    extra: { idleTimeoutMillis: 0 },
  });
  await dataSource.initialize();
  // PGlite is one session whatever connections come and go: set once, it holds for all of them.
  if (options.genericPlans) await dataSource.query(`SET plan_cache_mode = ${GENERIC_PLANS}`);
  return {
    dataSource,
    mode: 'embedded',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await server.stop();
      await pglite.close();
    },
  };
}

/** Server mode: create the service's database when the server has none of that name yet. */
export async function ensureServerDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and _`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    // Another service or process may have created it between the check and the create.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Runs the pending migrations. In server mode under a session advisory lock, so replicas starting
 * together on an empty database migrate one after the other instead of racing (the loser would
 * crash on a duplicate table); embedded PGlite belongs to one process and needs none.
 */
export async function migrate(database: Database): Promise<Migration[]> {
  if (database.mode !== 'server') return database.dataSource.runMigrations();
  // Waiting for another replica's migrations, or one long migration, is not a database gone silent.
  const bound = statementBounds.get(database.dataSource);
  if (bound) bound.paused += 1;
  try {
    const runner = database.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query("SELECT pg_advisory_lock(hashtext('mash-migrations'))");
      return await database.dataSource.runMigrations();
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtext('mash-migrations'))").catch(() => undefined);
      await runner.release();
    }
  } finally {
    if (bound) bound.paused -= 1;
  }
}
