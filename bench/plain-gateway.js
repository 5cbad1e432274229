#!/usr/bin/env node
// The peer a user would otherwise deploy: a plain @apollo/gateway + @apollo/server over the same
// committed supergraph and the same subgraphs, with no enforcement point (no policy decision) and
// no audit. The hub is served in process (as in our gateway) on its own connection to the same
// hub database, with a fixed triage user. Agencies still verify a grant on every request, and a
// grant is single use and bound to what it covers, so each fetch carries a fresh one.
//
// Environment (set by bench/run.js): PLAIN_PORT, HUB_DATABASE_URL, MASH_DATA_DIR, MASH_GRANT_PRIVATE_KEY, BENCH_CASE_ID,
// BENCH_SUBJECT_IDS (comma separated), BENCH_USER_ID, POLICE_URL, SOCIAL_CARE_URL, HEALTH_URL,
// EDUCATION_URL. Serves /graphql, /health and /captured (the last fetch sent to each agency,
// for the floor measurement).
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } = require('@apollo/gateway');
const { ApolloServer } = require('@apollo/server');
const { expressMiddleware } = require('@as-integrations/express5');
const express = require('express');
const { AGENCIES, envPrefix } = require('@mash/shared');
const { grantKeeper } = require('./lib/grants');

const root = path.resolve(__dirname, '..');
const { openHubDatabase } = require(path.join(root, 'gateway/dist/hub/database'));
const { hubServices } = require(path.join(root, 'gateway/dist/hub/governance'));
const { buildHubSchema } = require(path.join(root, 'gateway/dist/hub/schema'));
const { buildPictureSchema } = require(path.join(root, 'gateway/dist/picture/schema'));

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main() {
  const port = Number(required('PLAIN_PORT'));
  const dataDir = required('MASH_DATA_DIR');
  const caseId = required('BENCH_CASE_ID');
  const subjectIds = required('BENCH_SUBJECT_IDS').split(',');
  const user = { id: required('BENCH_USER_ID'), name: null, roles: ['mash-triage'], organisation: null, agency: null };
  const hub = await openHubDatabase({ url: required('HUB_DATABASE_URL'), dataDir });
  const { cases, policies } = hubServices(hub.dataSource);
  const grants = await grantKeeper({
    privateKeyPem: required('MASH_GRANT_PRIVATE_KEY'),
    hub: hub.dataSource,
    user,
    caseId,
    subjectIds,
  });
  const captured = {};
  const hubSchema = await buildHubSchema();
  const pictureSchema = buildPictureSchema();
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(path.join(root, 'gateway/supergraph.graphql'), 'utf8'),
    buildService: ({ name }) => {
      if (name === 'hub') return new LocalGraphQLDataSource(hubSchema);
      if (name === 'picture') return new LocalGraphQLDataSource(pictureSchema);
      const agency = name;
      if (!AGENCIES.includes(agency)) throw new Error(`unknown subgraph ${name}`);
      return new RemoteGraphQLDataSource({
        url: required(`${envPrefix(agency)}_URL`),
        async willSendRequest({ request }) {
          request.http.headers.set('authorization', `Bearer ${await grants.mint(agency, request.variables?.representations ?? [])}`);
          captured[agency] = { url: request.http.url, query: request.query, variables: request.variables, operationName: request.operationName ?? null };
        },
      });
    },
  });
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  await server.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.get('/captured', (_req, res) => res.json({ captured, obligations: grants.obligations, grantMints: grants.mints() }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, { context: async () => ({ requestId: randomUUID(), user, hub: hub.dataSource, cases, policies }) }),
  );
  const httpServer = http.createServer(app);
  await new Promise((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  const shutdown = async () => {
    grants.stop();
    await server.stop();
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
    await hub.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`plain gateway failed: ${error.message}`);
  process.exit(1);
});
