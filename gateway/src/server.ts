import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import { AGENCIES, createLogger, GrantIssuer, loadOrCreateSigningKey, type AgencyName, type Logger, type RunningService, type SigningKey } from '@mash/shared';
import { AgencyDataSource } from './agency-data-source';
import { createUserVerifier } from './auth/verify-user';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { EnforcementPoint } from './enforcement/enforcement-point';
import { hubServices } from './hub/governance';
import { buildHubSchema } from './hub/schema';

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
}

/** Builds the gateway (hub in process, agencies remote) and listens; `config.port` 0 picks a free port. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, hub } = options;
  const logger = options.logger ?? createLogger('gateway');
  const hubSchema = await buildHubSchema();
  const verifyUser = await createUserVerifier(config.auth);
  const { audit, policies, cases } = hubServices(hub);
  if (await policies.ensureDefault('system:gateway-start')) logger.info('policy_installed', { version: (await policies.activeVersion())?.version ?? 'none' });
  const grantKey = options.grantKey ?? (await loadOrCreateSigningKey(config.grantKey));
  const issuer = new GrantIssuer({ key: grantKey, issuer: config.grantIssuer });
  const enforcement = new EnforcementPoint({ policies, audit, issuer, logger });
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) => {
      if (name === 'hub') return new LocalGraphQLDataSource(hubSchema);
      const agency = name as AgencyName;
      if (!AGENCIES.includes(agency)) throw new Error(`supergraph names an unknown subgraph "${name}" (${url})`);
      return new AgencyDataSource({ agency, url: config.agencyUrls[agency], timeoutMs: config.agencyTimeoutMs, logger, enforcement });
    },
  });
  const server = new ApolloServer<GatewayContext>({ gateway, includeStacktraceInErrorResponses: false });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Agencies verify grants against these keys (current and recently rotated).
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.set('cache-control', 'public, max-age=60').json(issuer.jwks());
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({
        requestId: randomUUID(),
        user: await verifyUser(req.headers.authorization),
        hub,
        cases,
        policies,
      }),
    }),
  );
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    gateway,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
