import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { DataSource } from 'typeorm';
import { disclosureQueryName } from '../disclosure.resolver';
import { grantGuard, type GrantLocals } from '../grants/guard';
import { databaseReplayCache } from '../grants/replay-cache';
import type { GrantVerifier } from '../grants/verifier';
import type { Logger } from '../logger';
import type { MatchThresholds } from '../matching/types';
import { databaseCheck, gatewayKeysCheck, migrationsCheck, readinessRoute } from '../readiness';
import { requestIdMiddleware, requestIdOf } from '../request-id';
import { ApolloServerPluginMetrics } from '../telemetry/graphql-metrics.plugin';
import { ServiceMetrics } from '../telemetry/metrics';
import { httpMetrics, metricsRoute, type MetricsConfig } from '../telemetry/metrics-http';
import type { AgencyAdapter, CandidateRow } from './adapter';
import { AgencyMetrics } from './metrics';
import { answerAfterClaim } from './graphql-handler';
import { createViewLoader, type AgencyKit } from './pipeline';
import type { ReferenceDate } from './reference-date';
import { buildAgencySchema, type AgencyContext } from './schema';
import { agencyStore } from './store';

export interface AgencyAppOptions<C extends CandidateRow, F, R extends object> {
  adapter: AgencyAdapter<C, F, R>;
  dataSource: DataSource;
  /** Verifies the gateway's grant on every request; there is no way to serve without one. */
  verifier: GrantVerifier;
  thresholds: MatchThresholds;
  referenceDate: ReferenceDate;
  logger: Logger;
  /** Handlers run before the grant check (tests count the requests that reach an agency). */
  beforeGraphQL?: express.RequestHandler[];
  /** Refuse requests that did not arrive over TLS: set when the agency listens with TLS (`listenTls`). */
  requireTls?: boolean;
  /** Who may scrape `/metrics` (`metrics-http.ts`); default loopback only, on this app. */
  metrics?: MetricsConfig;
}

/** A built agency service, not yet listening: tests use `app` with any HTTP client or `listen(0)`. */
export interface AgencyApp {
  app: express.Express;
  /** This agency's registry: served at `/metrics`, or on the metrics port by `runAgency`. */
  metrics: AgencyMetrics;
  stop(): Promise<void>;
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Builds the agency's HTTP service: `/health` (alive), `/ready` (database, migrations, the gateway's
 * keys), and `/graphql` behind the grant guard, answered by
 * the shared pipeline over the adapter. Listening is separate (`listen`).
 */
export async function buildAgencyApp<C extends CandidateRow, F, R extends object>(options: AgencyAppOptions<C, F, R>): Promise<AgencyApp> {
  const { adapter, dataSource, logger } = options;
  const metrics = new AgencyMetrics(new ServiceMetrics({ service: adapter.agency }));
  metrics.service.trackPool(adapter.agency, dataSource);
  const kit: AgencyKit<C, F, R> = { adapter, store: agencyStore(dataSource), thresholds: options.thresholds, referenceDate: options.referenceDate, logger, metrics };
  // Inline (federated) tracing would send resolver timings to the gateway on every request; off.
  // No introspection or landing page in any mode: the grant guard refuses both anyway, and the
  // supergraph is composed from committed SDL, so nobody needs an agency to describe itself.
  // No cache-control hints either: an agency's answer is never cacheable (every /graphql response
  // says no-store, set below), and the hints would add a hook to the resolution of every field.
  const server = new ApolloServer<AgencyContext<R>>({
    schema: await buildAgencySchema(adapter),
    includeStacktraceInErrorResponses: false,
    introspection: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginMetrics(metrics.service)],
  });
  await server.start();
  const app = express();
  app.disable('x-powered-by');
  // Every answer is personal data sent with no-store: an ETag (a hash of the body, computed per
  // answer) would serve no cache and only cost time.
  app.disable('etag');
  app.use(httpMetrics(metrics.service, ['/graphql', '/health', '/ready', '/metrics']));
  app.get('/metrics', metricsRoute(metrics.service, options.metrics, logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', readinessRoute([databaseCheck(dataSource), migrationsCheck(dataSource), gatewayKeysCheck(options.verifier.keys)], { logger }));
  app.use(
    '/graphql',
    // The gateway's request id (x-request-id) on this agency's log lines and disclosure-log rows.
    requestIdMiddleware({ trustHeader: true, logger }),
    // Personal data: no cache anywhere keeps an answer, refusals included.
    (_req: express.Request, res: express.Response, next: express.NextFunction) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    ...(options.beforeGraphQL ?? []),
    express.json({ limit: '1mb' }),
    grantGuard({
      verifier: options.verifier, disclosureQueryName: disclosureQueryName(adapter.agency), logger, requireTls: options.requireTls, observer: metrics,
      // Single use across every process of this agency: the ids live in its own database, written
      // with the request's disclosure-log rows (one statement) or, if it disclosed nothing, before
      // its answer is sent.
      replay: databaseReplayCache(kit.store, { onPurgeError: (error) => logger.warn('grant_use.purge_failed', { error: (error as Error).name }) }),
      deferClaim: true,
    }),
    answerAfterClaim(
      server,
      async (res) => {
        const { grant, claim } = res.locals as GrantLocals;
        const request = { requestId: requestIdOf(res), grant, claim };
        const viewRequest = { associates: false };
        return { ...request, dataSource, viewRequest, views: createViewLoader(kit, request, viewRequest) };
      },
      { logger, observer: metrics },
    ),
  );
  app.use(unreadableBody(logger));
  return { app, metrics, stop: () => server.stop() };
}

/**
 * A body that could not be read (malformed JSON, over 1mb) fails before the grant guard runs:
 * answered with a fixed JSON 400 (413 for size), never Express's HTML page with a stack trace,
 * and nothing of the body, which the parser's message would quote, in the answer or the log.
 */
function unreadableBody(logger: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; type?: unknown; name?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    logger.warn('request.unreadable', { status, type: typeof error.type === 'string' ? error.type : (error.name ?? 'Error') });
    const message = status === 413 ? 'The request body is too large' : status === 500 ? 'The request failed' : 'The request body is not valid JSON';
    res
      .status(status)
      .set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      .send(JSON.stringify({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] }));
  };
}

/** Listens on `port` (0 picks a free one) and returns the running service. */
export async function listen(built: AgencyApp, port: number, host = '127.0.0.1'): Promise<RunningService> {
  const httpServer = http.createServer(built.app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, resolve);
  });
  const { port: bound } = httpServer.address() as AddressInfo;
  return {
    port: bound,
    url: `http://${host}:${bound}/graphql`,
    async stop() {
      await built.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
