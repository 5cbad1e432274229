import fs from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import os from 'node:os';
import path from 'node:path';
import {
  agencyEntities, agencyTlsOptions, buildAgencyApp, createLogger, listenTls, DEFAULT_THRESHOLDS, fixedReferenceDate, generatePopulation, generateSigningKey, GrantVerifier, listen,
  seedAgency, AGENCIES, jose, type AgencyAdapter, type AgencyName, type CandidateRow, type Database, type RunningService, type SigningKey,
} from '@mash/shared';
import { adapter as police } from '@mash/police';
import { adapter as socialCare } from '@mash/social-care';
import { adapter as health } from '@mash/health';
import { adapter as education } from '@mash/education';
import { userAuthConfigFromEnv } from '@mash/gateway/dist/auth/auth-config';
import { issueDemoToken, type DemoTokenOptions } from '@mash/gateway/dist/auth/demo-issuer';
import type { GatewayConfig } from '@mash/gateway/dist/config';
import type { WebConfig } from '@mash/gateway/dist/web/web-config';
import type { InFlightOptions } from '@mash/gateway/dist/limits/in-flight';
import { DEFAULT_LIMITS, type RequestLimits } from '@mash/gateway/dist/limits/limits';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { hubEntities, hubMigrations } from '@mash/gateway/dist/hub/data-source';
import { seedDemoCases } from '@mash/gateway/dist/hub/seed/demo-cases';
import { startGateway, type RunningGateway } from '@mash/gateway';
import { openSeededTestDatabase } from './seeded-databases';
import { createTestPki, type TestPki } from './tls';

export const ADAPTERS: Record<AgencyName, AgencyAdapter<CandidateRow, any, object>> = {
  police,
  'social-care': socialCare,
  health,
  education,
} as Record<AgencyName, AgencyAdapter<CandidateRow, any, object>>;

/** A GraphQL response as tests read it (loosely typed on purpose). */
export interface GraphQLBody {
  data?: any;
  errors: any[];
}

export interface FederationOptions {
  people?: number;
  agencyTimeoutMs?: number;
  /**
   * The gateway as NODE_ENV=production runs it (no demo issuer: user tokens are verified against a
   * test identity provider's public key, and `token()` signs with its private key).
   */
  production?: boolean;
  /** Request limits for the gateway; the defaults otherwise. */
  limits?: Partial<RequestLimits>;
  /** Requests the gateway works on at once (MASH_MAX_IN_FLIGHT, MASH_QUEUE_TIMEOUT_MS); the defaults otherwise. */
  inFlight?: InFlightOptions;
  /**
   * Agencies listen with TLS (certificates from a throw-away PKI made now) and the gateway trusts
   * its CA; `mutual`: agencies also require the gateway's client certificate.
   */
  tls?: { mutual?: boolean };
  /**
   * With `production`: user tokens are verified against this identity provider (AUTH_JWKS_URL,
   * AUTH_ISSUER, AUTH_AUDIENCE) instead of the test key pair; `token()` then signs tokens this
   * gateway refuses (the provider issues the real ones).
   */
  identityProvider?: { jwksUrl: string; issuer: string; audience: string };
  /** The screens and their sign-in (MASH_OIDC_*); the gateway's defaults otherwise. */
  web?: WebConfig;
}

/** Who signs user tokens the gateway accepts: the demo issuer, or the test identity provider in production mode. */
export interface UserTokenIssuer {
  privateJwk: jose.JWK;
  issuer: string;
  audience: string;
}

export interface Federation {
  grantKey: SigningKey;
  /** The demo user-token issuer's key file (private JWK). */
  keyFile: string;
  /** The key and names user tokens are signed with (for tests that craft their own tokens). */
  userIssuer: UserTokenIssuer;
  gateway: RunningGateway;
  agencies: Record<AgencyName, RunningService & { database: Database; requests: number }>;
  hub: Database;
  token(options: DemoTokenOptions): Promise<string>;
  /** POSTs a GraphQL operation to the gateway. */
  query(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<{ status: number; body: GraphQLBody }>;
  /**
   * A second gateway on the same hub database: through its own connection pool in server mode (a
   * second gateway process in all but name), sharing the one embedded connection otherwise.
   */
  startAnotherGateway(): Promise<{ url: string; stop(): Promise<void> }>;
  /** With `tls`: the PEM files agencies and gateway were given. */
  pki?: TestPki;
  stop(): Promise<void>;
}

/** The whole product in one process: four seeded agencies, the hub and the gateway, on free ports. */
export async function startFederation(options: FederationOptions = {}): Promise<Federation> {
  const people = options.people ?? 400;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-test-'));
  const agencies = {} as Federation['agencies'];
  const grantKey = await generateSigningKey();
  const population = generatePopulation({ people });
  const pki = options.tls ? createTestPki() : undefined;
  const tlsFiles = pki && { certFile: pki.serverCertFile, keyFile: pki.serverKeyFile, ...(options.tls?.mutual ? { clientCaFile: pki.caFile } : {}) };
  await Promise.all(
    AGENCIES.map(async (agency) => {
      const adapter = ADAPTERS[agency];
      // Migrated and seeded: a copy of a template made once (on a Postgres server).
      const database = await openSeededTestDatabase({
        service: agency, entities: agencyEntities(adapter), migrations: adapter.migrations,
        codeFrom: ['packages/shared/dist', `subgraphs/${agency}/dist`], variant: `people=${people}`,
        fill: async (dataSource) => void (await seedAgency(dataSource, adapter.seed, { people })),
      });
      const counter = { requests: 0 };
      const app = await buildAgencyApp({
        adapter,
        dataSource: database.dataSource,
        verifier: new GrantVerifier({ agency, issuer: 'mash-gateway', jwks: { keys: [grantKey.publicJwk] } }),
        thresholds: DEFAULT_THRESHOLDS,
        referenceDate: fixedReferenceDate(population.referenceDate),
        logger: createLogger(agency),
        beforeGraphQL: [(_req, _res, next) => { counter.requests += 1; next(); }],
        requireTls: Boolean(tlsFiles),
      });
      const service = tlsFiles ? await listenTls(app, agencyTlsOptions(agency, tlsFiles), 0) : await listen(app, 0);
      // A live getter: Object.assign would copy the count once, and `requests` would stay 0.
      agencies[agency] = Object.defineProperties(service, {
        database: { value: database, enumerable: true },
        requests: { get: () => counter.requests, enumerable: true },
      }) as Federation['agencies'][AgencyName];
    }),
  );
  // Migrated (a copy of a template), then seeded here: the demo cases are dated from now.
  const hub = await openSeededTestDatabase({ service: 'hub', entities: hubEntities, migrations: hubMigrations, codeFrom: ['packages/shared/dist', 'gateway/dist'] });
  await seedDemoCases(hub.dataSource, hubServices(hub.dataSource).cases, { people });
  const keyFile = path.join(dataDir, 'keys', 'demo-user-issuer.jwk.json');
  const production = options.production ?? false;
  const userIssuer = production ? await testIdentityProvider() : null;
  const config: GatewayConfig = {
    port: 0,
    host: '127.0.0.1',
    production,
    demoMode: !production,
    dataDir,
    agencyUrls: Object.fromEntries(AGENCIES.map((agency) => [agency, agencies[agency].url])) as Record<AgencyName, string>,
    agencyTimeoutMs: options.agencyTimeoutMs ?? 5000,
    auth: userIssuer
      ? userAuthConfigFromEnv(null, productionAuthEnv(userIssuer, options.identityProvider), { production: true })
      : userAuthConfigFromEnv(keyFile, {}),
    ...(options.web ? { web: options.web } : {}),
    seedPeople: people,
    referenceDate: population.referenceDate,
    seed: false,
    supergraphPath: path.resolve(__dirname, '../../gateway/supergraph.graphql'),
    grantKey: { generate: false },
    grantIssuer: 'mash-gateway',
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.inFlight ? { inFlight: options.inFlight } : {}),
    ...(pki ? { agencyTransport: { caFile: pki.caFile, ...(options.tls?.mutual ? { clientCertFile: pki.clientCertFile, clientKeyFile: pki.clientKeyFile } : {}) } } : {}),
  };
  const gateway = await startGateway({ config, hub: hub.dataSource, grantKey });
  const federation: Federation = {
    grantKey,
    keyFile,
    userIssuer: userIssuer ?? { privateJwk: JSON.parse(fs.readFileSync(keyFile, 'utf8')), issuer: 'mash-demo-issuer', audience: 'mash-gateway' },
    gateway,
    agencies,
    hub,
    pki,
    token: (tokenOptions) => (userIssuer ? signTestToken(userIssuer, tokenOptions) : issueDemoToken(keyFile, tokenOptions)),
    async query(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    async startAnotherGateway() {
      const url = (hub.dataSource.options as { url?: string }).url;
      const own = url ? new DataSource({ ...hub.dataSource.options } as DataSourceOptions) : null;
      if (own) await own.initialize();
      const another = await startGateway({ config, hub: own ?? hub.dataSource, grantKey });
      return {
        url: another.url,
        async stop() {
          await another.stop();
          if (own) await own.destroy();
        },
      };
    },
    // Tolerates parts a test already stopped (an agency taken down, the hub made unreachable).
    async stop() {
      await Promise.allSettled([gateway.stop()]);
      await Promise.allSettled([hub.close(), ...AGENCIES.map((agency) => agencies[agency].stop())]);
      await Promise.allSettled(AGENCIES.map((agency) => agencies[agency].database.close()));
      fs.rmSync(dataDir, { recursive: true, force: true });
      pki?.remove();
    },
  };
  return federation;
}

/** How a production-mode gateway verifies user tokens: the given identity provider's keys, or the test key pair's. */
function productionAuthEnv(userIssuer: UserTokenIssuer & { publicKeyPem: string }, identityProvider: FederationOptions['identityProvider']): NodeJS.ProcessEnv {
  return identityProvider
    ? { AUTH_JWKS_URL: identityProvider.jwksUrl, AUTH_ISSUER: identityProvider.issuer, AUTH_AUDIENCE: identityProvider.audience }
    : { AUTH_PUBLIC_KEY: userIssuer.publicKeyPem, AUTH_ISSUER: userIssuer.issuer, AUTH_ALGORITHMS: 'ES256' };
}

/** A stand-in for the MASH's identity provider: an ES256 key pair the production-mode gateway trusts. */
async function testIdentityProvider(): Promise<UserTokenIssuer & { publicKeyPem: string }> {
  const { privateKey, publicKey } = await jose.generateKeyPair('ES256', { extractable: true });
  return { privateJwk: await jose.exportJWK(privateKey), publicKeyPem: await jose.exportSPKI(publicKey), issuer: 'https://idp.mash.test', audience: 'mash-gateway' };
}

/** The claims a demo token carries, signed by the test identity provider. */
async function signTestToken(issuer: UserTokenIssuer, options: DemoTokenOptions): Promise<string> {
  const claims: Record<string, unknown> = { roles: [options.role], name: options.name ?? `Test ${options.role}`, org: options.organisation ?? 'Warwickshire MASH' };
  if (options.agency) claims.agency = options.agency;
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(issuer.issuer)
    .setAudience(issuer.audience)
    .setSubject(options.sub ?? `test-${options.role}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(await jose.importJWK(issuer.privateJwk, 'ES256'));
}
