import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type LabelValues } from 'prom-client';
import type { DataSource } from 'typeorm';

/** Seconds; from a 5 ms agency answer to the gateway's bounded agency timeout and beyond. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface ServiceMetricsOptions {
  /** The `service` label on every series: `gateway`, `police`, ... */
  service: string;
  /** prom-client's process metrics (CPU, memory, event loop lag, GC, handles) in this service's exposition. Default true. */
  processMetrics?: boolean;
  /** Most distinct GraphQL operation names kept as label values; later ones count as `other`. Default 50. */
  maxOperations?: number;
}

/**
 * A label whose values come from outside (operation names, error codes, policy rules): the first
 * `max` distinct values are kept, every later one is `overflow`, so a client inventing names
 * cannot grow the series without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number, private readonly overflow = 'other') {}

  value(raw: string): string {
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.max) return this.overflow;
    this.seen.add(raw);
    return raw;
  }
}

/** The planner names an agency's part of `Triage` `Triage__police__1`: count it under the client's name. */
const PLANNER_SUFFIX = /__[A-Za-z0-9_]+?__\d+$/;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

let processRegistry: Registry | undefined;

/**
 * The process metrics, collected once per process: their event-loop monitor and GC observer
 * live as long as the process, so services sharing one (the test federation) share them too.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    // The event-loop delay is sampled every 50 ms (prom-client's default is 10): the sampling
    // timer woke each idle service 100 times a second, 6.5 ms of CPU per second per process with
    // nothing to do (3.5 at 50 ms), and six services share the cores. 20 samples a second still
    // show a loop that is falling behind.
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 50 });
  }
  return processRegistry;
}

/**
 * One service's metrics: its own registry (never prom-client's global one, so the five services a
 * test runs in one process stay apart), the process metrics, and the series every service has:
 * HTTP requests, GraphQL operations and database pools. Service-specific series register on `registry`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly service: string;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'route'>;
  readonly graphqlRequests: Counter<'operation' | 'status'>;
  readonly graphqlDuration: Histogram<'operation'>;
  readonly graphqlErrors: Counter<'operation' | 'code'>;
  private readonly operations: BoundedLabel;
  private readonly codes = new BoundedLabel(40, 'OTHER');
  private readonly pools = new Map<string, DataSource>();
  private readonly process?: Registry;

  constructor(options: ServiceMetricsOptions) {
    this.service = options.service;
    this.operations = new BoundedLabel(options.maxOperations ?? 50);
    this.registry.setDefaultLabels({ service: options.service });
    if (options.processMetrics !== false) this.process = processMetrics();
    const registers = [this.registry];
    this.httpRequests = new Counter({ name: 'mash_http_requests_total', help: 'HTTP requests answered, by route (mount point), method and status code', labelNames: ['route', 'method', 'status'], registers });
    this.httpDuration = new Histogram({ name: 'mash_http_request_duration_seconds', help: 'HTTP request duration until the response finished, by route', labelNames: ['route'], buckets: DURATION_BUCKETS, registers });
    this.graphqlRequests = new Counter({ name: 'mash_graphql_requests_total', help: 'GraphQL requests by operation name and HTTP status (anonymous: no name; unknown: not parsed or validated; other: beyond the cap)', labelNames: ['operation', 'status'], registers });
    this.graphqlDuration = new Histogram({ name: 'mash_graphql_request_duration_seconds', help: 'GraphQL request duration by operation name, from request start to response', labelNames: ['operation'], buckets: DURATION_BUCKETS, registers });
    this.graphqlErrors = new Counter({ name: 'mash_graphql_errors_total', help: 'GraphQL responses carrying an error, once per extensions.code per response, by operation name', labelNames: ['operation', 'code'], registers });
    this.poolGauges(registers);
  }

  /** The operation label: anonymous, unknown, a GraphQL name (planner suffix removed) within the cap, or other. */
  operation(name: string | null | undefined): string {
    if (name === undefined) return 'unknown';
    if (name === null || name === '') return 'anonymous';
    const base = name.replace(PLANNER_SUFFIX, '');
    return GRAPHQL_NAME.test(base) ? this.operations.value(base) : 'unknown';
  }

  /** An error code label: the contract's codes and Apollo's, bounded; anything else `OTHER`. */
  errorCode(code: unknown): string {
    if (code === undefined || code === null) return 'UNKNOWN';
    const text = String(code);
    return ERROR_CODE.test(text) ? this.codes.value(text) : 'OTHER';
  }

  /** Reports the pg pool of `dataSource` (TypeORM's driver) on every scrape as `database`. */
  trackPool(database: string, dataSource: DataSource): void {
    this.pools.set(database, dataSource);
  }

  /** The text exposition (Prometheus 0.0.4) of every series; hub gauges query on the way. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    if (!this.process) return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    const merged = Registry.merge([this.process, this.registry]);
    merged.setDefaultLabels({ service: this.service });
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  /**
   * Pool use, read from pg's Pool under TypeORM's driver when scraped. Embedded PGlite is reached
   * through the same driver with a pool of one connection (one PGlite session), so the figures
   * mean the same there: max 1, and `waiting` is the queue for that one session.
   */
  private poolGauges(registers: Registry[]): void {
    const pools = this.pools;
    const read = (pick: (pool: Pool) => number) =>
      function collect(this: Gauge<'database'>) {
        this.reset();
        for (const [database, dataSource] of pools) {
          const pool = dataSource.isInitialized ? (dataSource.driver as unknown as { master?: Pool }).master : undefined;
          if (pool) this.set({ database }, pick(pool));
        }
      };
    const gauge = (name: string, help: string, pick: (pool: Pool) => number) =>
      new Gauge({ name, help, labelNames: ['database'], registers, collect: read(pick) });
    gauge('mash_db_pool_connections', 'Open connections in the database pool (in use and idle)', (pool) => pool.totalCount);
    gauge('mash_db_pool_idle_connections', 'Idle connections in the database pool', (pool) => pool.idleCount);
    gauge('mash_db_pool_waiting_clients', 'Queries waiting for a connection from the pool', (pool) => pool.waitingCount);
    gauge('mash_db_pool_max_connections', 'Largest size of the pool (1 for embedded PGlite: one session)', (pool) => (pool as unknown as { options: { max?: number } }).options.max ?? 10);
  }
}

/** Times `work` into `histogram` and counts a rejection in `failures`; the result or error passes through. */
export async function timed<T>(work: () => Promise<T>, histogram: Histogram<string>, failures?: Counter<string>, labels: LabelValues<string> = {}): Promise<T> {
  const end = histogram.startTimer(labels);
  try {
    return await work();
  } catch (error) {
    failures?.inc(labels);
    throw error;
  } finally {
    end();
  }
}
