import { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici';
import { envPrefix, optionalString } from '../config';
import { databaseTimeoutsFromEnv, ensureServerDatabase, migrate, openDatabase } from '../database';
import { DisclosureLog } from '../disclosure.entity';
import { loadPinnedKeySet } from '../grants/keys';
import { GrantVerifier } from '../grants/verifier';
import { createLogger } from '../logger';
import { listenMetrics } from '../telemetry/metrics-http';
import { startTracing } from '../telemetry/tracing';
import { tlsDispatcher } from '../tls';
import type { AgencyAdapter, CandidateRow } from './adapter';
import { buildAgencyApp, listen, type RunningService } from './app';
import { agencyConfigFromEnv, type AgencyConfig } from './config';
import { startCheckpointFetcher } from './checkpoints';
import { seedAgency } from './seed';
import { agencyStore } from './store';
import { agencyTlsOptions, listenTls } from './tls';

/** The adapter's entities plus the disclosure log every agency keeps. */
export function agencyEntities(adapter: AgencyAdapter<CandidateRow, unknown, object>): Function[] {
  return [...adapter.entities, DisclosureLog];
}

/** The grant verifier for the configured key source (pinned file or the gateway's JWKS address). */
export async function agencyVerifier(config: AgencyConfig): Promise<GrantVerifier> {
  const source = config.gatewayKeys;
  return 'keyFile' in source
    ? new GrantVerifier({ agency: config.agency, issuer: config.grantIssuer, jwks: await loadPinnedKeySet(source.keyFile) })
    : new GrantVerifier({ agency: config.agency, issuer: config.grantIssuer, jwksUrl: source.jwksUrl, dispatcher: gatewayDispatcher(config) });
}

/** How the agency reaches the gateway's https addresses: trusting `MASH_GATEWAY_CA_FILE` when set. */
export function gatewayDispatcher(config: AgencyConfig): Dispatcher | undefined {
  return config.gatewayCaFile ? tlsDispatcher({ caFile: { path: config.gatewayCaFile, variable: 'MASH_GATEWAY_CA_FILE' } }) : undefined;
}

/**
 * Runs an agency service from the environment (see `AgencyConfig`): database (server Postgres, or
 * embedded PGlite), pending migrations, the demo seed on first run, the subgraph on its port, and
 * a clean shutdown on SIGINT/SIGTERM so embedded files are consistent at the next start.
 */
export async function runAgency<C extends CandidateRow, F, R extends object>(adapter: AgencyAdapter<C, F, R>): Promise<RunningService> {
  const logger = createLogger(adapter.agency);
  // Before the database opens: pg, loaded already with the shared package, is patched in place.
  const tracing = startTracing(`mash-${adapter.agency}`, { logger });
  const config = agencyConfigFromEnv(adapter.agency, adapter.defaultPort);
  const verifier = await agencyVerifier(config);
  // Read before the database is touched, so a bad certificate path stops start-up at once.
  const tls = config.tls ? agencyTlsOptions(adapter.agency, config.tls) : undefined;
  if (config.databaseUrl) await ensureServerDatabase(config.databaseUrl);
  const database = await openDatabase({
    service: adapter.agency,
    url: config.databaseUrl,
    embeddedPath: config.embeddedPath,
    entities: agencyEntities(adapter as AgencyAdapter<CandidateRow, unknown, object>),
    migrations: adapter.migrations,
    timeouts: databaseTimeoutsFromEnv(),
    genericPlans: true,
  });
  const applied = await migrate(database);
  logger.info('migrations', { applied: applied.length, mode: database.mode });
  if (config.seed.enabled) {
    const { inserted } = await seedAgency(database.dataSource, adapter.seed, { people: config.seed.people });
    logger.info('seed', { inserted, people: config.seed.people });
  }
  const app = await buildAgencyApp({
    adapter, dataSource: database.dataSource, verifier, thresholds: config.thresholds, referenceDate: config.referenceDate, logger, requireTls: Boolean(tls),
    metrics: config.metrics,
  });
  const service = tls ? await listenTls(app, tls, config.port, config.host) : await listen(app, config.port, config.host);
  const { port: metricsPort } = config.metrics;
  const metrics = metricsPort === undefined ? undefined : await listenMetrics(app.metrics.service, { ...config.metrics, port: metricsPort }, config.host, logger);
  if (metrics) logger.info('metrics_listening', { url: metrics.url });
  logger.info('listening', { url: service.url, referenceDate: config.referenceDate.fixed ?? 'today', tls: tls ? (config.tls?.clientCaFile ? 'mutual' : 'server') : 'off' });
  const checkpoints = config.checkpoints.enabled
    ? startCheckpointFetcher({
        url: config.checkpoints.url, intervalMs: config.checkpoints.intervalMs, store: agencyStore(database.dataSource), keys: verifier.keys,
        issuer: config.grantIssuer, dispatcher: gatewayDispatcher(config), logger,
      })
    : undefined;
  const running: RunningService = {
    ...service,
    async stop() {
      checkpoints?.stop();
      await metrics?.close();
      await service.stop();
      await database.close();
      await tracing?.shutdown();
    },
  };
  const shutdown = () => running.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return running;
}

/** An agency's `index.ts`: run it, or say in one line why it could not start. */
export function startAgency<C extends CandidateRow, F, R extends object>(adapter: AgencyAdapter<C, F, R>): void {
  runAgency(adapter).catch((error: unknown) => {
    process.stderr.write(`${adapter.agency}: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

/** For the typeorm CLI (`typeorm -d subgraphs/<agency>/dist/data-source.js migration:run`), from `<AGENCY>_DATABASE_URL`. */
export function cliDataSource(adapter: AgencyAdapter<CandidateRow, unknown, object>): DataSource {
  return new DataSource({
    type: 'postgres',
    url: optionalString(`${envPrefix(adapter.agency)}_DATABASE_URL`),
    entities: agencyEntities(adapter),
    migrations: adapter.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    applicationName: `mash-${adapter.agency}-cli`,
  });
}
