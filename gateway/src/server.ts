import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import {
  AGENCIES, ApolloServerPluginMetrics, createLogger, GrantIssuer, httpMetrics, listenMetrics, loadOrCreateSigningKey, metricsRoute, ServiceMetrics, type AgencyName, type Logger, type RunningService, type SigningKey,
} from '@mash/shared';
import { databaseCheck, migrationsCheck, readinessRoute, requestIdMiddleware, requestIdOf } from '@mash/shared';
import { AgencyDataSource } from './agency-data-source';
import { agencyDispatcher } from './agency-transport';
import { AlertScheduler } from './alerts';
import { AuditCheckpointer, auditCheckpointRoutes } from './audit/checkpoints';
import { CaseReads } from './audit/case-reads';
import { ApolloServerPluginCaseReads } from './audit/case-reads.plugin';
import { createUserVerifier } from './auth/verify-user';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { EnforcementPoint } from './enforcement/enforcement-point';
import { FieldClassification } from './enforcement/field-withholding';
import { InProcessDataSource } from './in-process-data-source';
import { apolloLogger } from './errors/apollo-logger';
import { formatGatewayError } from './errors/format-error';
import { jsonBodyErrors, jsonNotFound } from './errors/json-errors';
import { ApolloServerPluginOperationResolution } from './errors/operation-resolution.plugin';
import { hubServices } from './hub/governance';
import { HubDataSource } from './hub/hub-data-source';
import { HubQueryLogger } from './hub/query-logger';
import { buildHubSchema } from './hub/schema';
import { buildPictureSchema } from './picture/schema';
import { admit } from './limits/admission';
import { DEFAULT_IN_FLIGHT, InFlightLimit } from './limits/in-flight';
import { armorProtection } from './limits/armor';
import { RateLimiter } from './limits/rate-limit';
import { ApolloServerPluginRequestLimits } from './limits/request-limits.plugin';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { demoInbox, endpointDirectory, federatedExecutor, NotificationDispatcher, type FederatedExecutor } from './notifications';
import { appRoutes, webConfigFromEnv } from './web';

export interface GatewayOptions {
  config: GatewayConfig;
  /** The hub database, already migrated. */
  hub: DataSource;
  logger?: Logger;
  /** Overrides `config.grantKey` (tests hand the same key to gateway and agencies). */
  grantKey?: SigningKey;
}

export interface RunningGateway extends RunningService {
  gateway: ApolloGateway;
  /** The gateway's own executor (as used by onward notifications), for the hub's tools and tests. */
  execute: FederatedExecutor;
}

/** Largest request body read; a GraphQL request is a query and its variables. */
const MAX_BODY = '1mb';

/** Builds the gateway (hub in process, agencies remote) and listens; `config.port` 0 picks a free port. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, hub } = options;
  const { production, limits } = config;
  const logger = options.logger ?? createLogger('gateway');
  // TypeORM's default logger prints failed queries with their parameters: people's details.
  hub.setOptions({ logger: new HubQueryLogger(logger) });
  const hubSchema = await buildHubSchema();
  const pictureSchema = buildPictureSchema({ referenceDate: config.referenceDate ? () => config.referenceDate! : undefined });
  const verifyUser = await createUserVerifier(config.auth);
  const { audit, policies, cases } = hubServices(hub);
  const metrics = new GatewayMetrics(new ServiceMetrics({ service: 'gateway' }), { hub, cacheSeconds: config.metrics?.cacheSeconds, logger });
  const unobserveAudit = audit.observe(metrics);
  if (await policies.ensureDefault('system:gateway-start')) logger.info('policy_installed', { version: (await policies.activeVersion())?.version ?? 'none' });
  const grantKey = options.grantKey ?? (await loadOrCreateSigningKey(config.grantKey));
  const issuer = new GrantIssuer({ key: grantKey, issuer: config.grantIssuer, onMinted: (grant) => metrics.minted(grant) });
  const supergraphSdl = fs.readFileSync(config.supergraphPath, 'utf8');
  const enforcement = new EnforcementPoint({ policies, audit, issuer, logger, fields: FieldClassification.fromSupergraph(supergraphSdl) });
  const agencyTransport = agencyDispatcher(config.agencyTransport);
  const checkpoints = new AuditCheckpointer({ hub, issuer, intervalMs: (config.checkpointIntervalSeconds ?? 60) * 1000, logger });
  // @apollo/gateway otherwise probes cloud metadata addresses and sends usage data to Apollo every
  // hour: nothing about the hub leaves it unasked. Always off, whatever the environment says.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: apolloLogger(logger, production),
    buildService: ({ name, url }) => {
      if (name === 'hub') return new HubDataSource(hubSchema);
      if (name === 'picture') return new InProcessDataSource(pictureSchema);
      const agency = name as AgencyName;
      if (!AGENCIES.includes(agency)) throw new Error(`supergraph names an unknown subgraph "${name}" (${url})`);
      return new AgencyDataSource({ agency, url: config.agencyUrls[agency], timeoutMs: config.agencyTimeoutMs, logger, enforcement, dispatcher: agencyTransport, metrics });
    },
  });
  const armor = armorProtection(limits, production);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger: apolloLogger(logger, production),
    includeStacktraceInErrorResponses: false,
    // Production: the schema is the committed supergraph (README), not something to discover.
    introspection: !production,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    formatError: formatGatewayError({ production, logger }),
    plugins: [
      ...armor.plugins,
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ApolloServerPluginOperationResolution(),
      ApolloServerPluginRequestLimits({ limits, audit, logger }),
      ApolloServerPluginCaseReads({ audit, logger }),
      ApolloServerPluginMetrics(metrics.service),
    ],
  });
  await server.start();
  // One way to build a request's context, for HTTP requests and for the hub's own requests made
  // as a user through the executor (onward notifications look up a child's school).
  const contextFor = (user: GatewayContext['user'], requestId: string): GatewayContext => ({
    requestId, user, hub, cases, policies, reads: new CaseReads(), subjectAllowance: { left: limits.maxSubjects, max: limits.maxSubjects }, execute,
  });
  const execute = federatedExecutor(server, contextFor);
  const admission = { limits, limiter: new RateLimiter(limits.ratePerMinute), audit, logger };

  const inFlight = new InFlightLimit(config.inFlight ?? DEFAULT_IN_FLIGHT, logger, metrics.service.registry);
  const app = express();
  app.disable('x-powered-by');
  // No ETag on what res.send answers (GraphQL answers are POSTed personal data, never revalidated):
  // it would hash every body for nothing. The screens' static files keep theirs (express.static's own).
  app.disable('etag');
  app.use(httpMetrics(metrics.service, ['/graphql', '/health', '/ready', '/metrics', '/.well-known/jwks.json', '/audit/checkpoint', '/notifications/demo-inbox', '/app']));
  // Prometheus text; loopback only unless GATEWAY_METRICS_PORT or MASH_METRICS_TOKEN (telemetry/metrics-http.ts).
  app.get('/metrics', metricsRoute(metrics.service, config.metrics, logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when the hub database answers and its migrations are all applied (agencies may be down: their fields degrade).
  app.get('/ready', readinessRoute([databaseCheck(hub), migrationsCheck(hub)], { logger }));
  // Agencies verify grants against these keys (current and recently rotated).
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.set('cache-control', 'public, max-age=60').json(issuer.jwks());
  });
  // Signed checkpoints of the access log's head, which agencies keep (audit/checkpoints.ts).
  app.use('/audit/checkpoint', express.json({ limit: '1kb' }), auditCheckpointRoutes({ checkpoints, verifyUser, audit, logger }));
  checkpoints.start();
  app.use(
    '/graphql',
    // A fresh id per request (never the client's), answered in x-request-id and sent to the agencies.
    requestIdMiddleware({ logger }),
    express.json({ limit: MAX_BODY }),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const requestId = requestIdOf(res);
        const user = await verifyUser(req.headers.authorization);
        await admit(admission, { requestId, user }, req.body?.query ?? req.query?.query);
        // A bounded number worked on at once, the rest in turn; refusals above never wait (limits/in-flight.ts).
        await inFlight.acquire(res);
        return contextFor(user, requestId);
      },
    }),
  );
  // Demo mode: a stand-in for schools' and GPs' systems, the default address of onward notifications.
  if (config.demoMode) app.use('/notifications/demo-inbox', demoInbox(logger));
  // The screens (web/): the same public API as any client, under a strict Content-Security-Policy.
  app.use('/app', appRoutes({ web: config.web ?? webConfigFromEnv({}), auth: config.auth, demoMode: config.demoMode, logger }));
  app.use(jsonNotFound());
  app.use(jsonBodyErrors(logger, MAX_BODY));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const metricsPort = config.metrics?.port;
  const metricsListener = metricsPort === undefined ? undefined : await listenMetrics(metrics.service, { ...config.metrics!, port: metricsPort }, config.host, logger);
  if (metricsListener) logger.info('metrics_listening', { url: metricsListener.url });
  const delivery = config.notifications;
  const dispatcher = delivery?.dispatch
    ? new NotificationDispatcher({
        ...delivery, hub, audit, logger,
        endpointFor: endpointDirectory(delivery.endpoints, delivery.defaultEndpoint ?? (config.demoMode ? `http://127.0.0.1:${port}/notifications/demo-inbox` : null)),
      })
    : null;
  dispatcher?.start();
  const alerts = config.alerts ? new AlertScheduler({ hub, config: config.alerts, logger }) : null;
  await alerts?.start();
  return {
    gateway,
    execute,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      checkpoints.stop();
      await dispatcher?.stop();
      await alerts?.stop();
      await server.stop();
      await agencyTransport?.close();
      await metricsListener?.close();
      unobserveAudit();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
