import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { boolean, dataDirectory, envPrefix, integer, optionalString } from './config';
import { openDatabase, ensureServerDatabase, type DatabaseOptions } from './database';
import { createLogger, type Logger } from './logger';
import type { AgencyName } from './synthetic/types';
import type { AgencyRequestContext } from './grant-claims';
import { GrantVerifier } from './grants/verifier';
import { grantGuard, type GrantLocals } from './grants/guard';
import { disclosureQueryName } from './disclosure.resolver';

/** Everything that makes one agency's subgraph; `index.ts` of each subgraph passes one of these. */
export interface AgencyDefinition<TContext extends object> {
  agency: AgencyName;
  /** Port used when `<AGENCY>_PORT` is not set: police 4001, social-care 4002, health 4003, education 4004. */
  defaultPort: number;
  entities: DatabaseOptions['entities'];
  migrations: DatabaseOptions['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  /** Per-request context: fresh DataLoaders, the data source, the request id and the verified grant. */
  createContext(dataSource: DataSource, request: AgencyRequestContext): TContext;
  /** Inserts the synthetic records when the database is empty; must be deterministic and idempotent. */
  seed(dataSource: DataSource, options: { people: number }): Promise<{ inserted: boolean }>;
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface ServeSubgraphOptions<TContext> {
  agency: AgencyName;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** Verifies the gateway's grant on every request; there is no way to serve without one. */
  verifier: GrantVerifier;
  context: (request: AgencyRequestContext) => Promise<TContext>;
  logger?: Logger;
  /** Extra handlers run before the grant check (tests count the requests that reach an agency). */
  beforeGraphQL?: express.RequestHandler[];
}

/** Serves a subgraph schema over HTTP (`/graphql`, `/health`); `port` 0 picks a free port. */
export async function serveSubgraph<TContext extends object>(options: ServeSubgraphOptions<TContext>): Promise<RunningService> {
  const logger = options.logger ?? createLogger(options.agency);
  const app = express();
  // Inline (federated) tracing would send resolver timings to the gateway on every request; off.
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.disable('x-powered-by');
  app.use(
    '/graphql',
    ...(options.beforeGraphQL ?? []),
    express.json({ limit: '1mb' }),
    grantGuard({ verifier: options.verifier, disclosureQueryName: disclosureQueryName(options.agency), logger }),
    expressMiddleware(server, {
      context: ({ res }) => options.context({ requestId: randomUUID(), grant: (res.locals as GrantLocals).grant }),
    }),
  );
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/**
 * Runs an agency from the environment: `<AGENCY>_DATABASE_URL` selects server mode (otherwise
 * embedded PGlite under `.data/<agency>`), migrations run, the demo seed goes in on first run when
 * `MASH_SEED` is on, and the subgraph listens on `<AGENCY>_PORT`.
 */
export async function runAgency<TContext extends object>(definition: AgencyDefinition<TContext>): Promise<RunningService> {
  const prefix = envPrefix(definition.agency);
  const logger = createLogger(definition.agency);
  const url = optionalString(`${prefix}_DATABASE_URL`);
  const port = integer(`${prefix}_PORT`, definition.defaultPort);
  const people = integer('MASH_SEED_PEOPLE', 2000);
  if (url) await ensureServerDatabase(url);
  const database = await openDatabase({
    service: definition.agency,
    url,
    embeddedPath: path.join(dataDirectory(), definition.agency),
    entities: definition.entities,
    migrations: definition.migrations,
  });
  const applied = await database.dataSource.runMigrations();
  logger.info('migrations', { applied: applied.length, mode: database.mode });
  if (boolean('MASH_SEED', true)) {
    const { inserted } = await definition.seed(database.dataSource, { people });
    logger.info('seed', { inserted, people });
  }
  const schema = await definition.buildSchema();
  const verifier = new GrantVerifier({
    agency: definition.agency,
    issuer: optionalString('MASH_GRANT_ISSUER') ?? 'mash-gateway',
    jwksUrl: optionalString('MASH_GATEWAY_JWKS_URL') ?? 'http://127.0.0.1:4000/.well-known/jwks.json',
  });
  const service = await serveSubgraph({
    agency: definition.agency,
    schema,
    port,
    host: optionalString('MASH_HOST'),
    verifier,
    context: async (request) => definition.createContext(database.dataSource, request),
    logger,
  });
  logger.info('listening', { url: service.url });
  const running = {
    ...service,
    async stop() {
      await service.stop();
      await database.close();
    },
  };
  // Close the embedded database cleanly on shutdown so its files are consistent at the next start.
  const shutdown = () => running.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return running;
}
