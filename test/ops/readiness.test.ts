import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  agencyEntities, buildAgencyApp, createLogger, DEFAULT_THRESHOLDS, fixedReferenceDate, generateSigningKey, GrantVerifier, listen, openTestDatabase, AGENCIES,
  type AgencyName, type Database, type RunningService, type SigningKey,
} from '@mash/shared';
import { adapter as police } from '@mash/police';
import { startGateway, type RunningGateway } from '@mash/gateway';
import { userAuthConfigFromEnv } from '@mash/gateway/dist/auth/auth-config';
import { hubEntities, hubMigrations } from '@mash/gateway/dist/hub/data-source';
import { DEFAULT_LIMITS } from '@mash/gateway/dist/limits/limits';

// /ready on every service: 200 listing its checks, or 503 naming the failing one with a short fixed
// reason; /health stays 200 whatever /ready says. Every probe here checks afresh (no cache) and
// gives up on a check after 1 s.
process.env.MASH_READY_CACHE_MS = '0';
process.env.MASH_READY_TIMEOUT_MS = '1000';
const serverMode = Boolean(process.env.TEST_DATABASE_URL);

async function get(base: string, route: '/ready' | '/health'): Promise<{ status: number; body: any; text: string; cache: string | null }> {
  const response = await fetch(`${base}${route}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text, cache: response.headers.get('cache-control') };
}

/** Takes every connection of the data source's pool until released: the next query waits, as it would on a hung server. */
async function holdPool(dataSource: DataSource): Promise<() => Promise<void>> {
  const size = (dataSource.driver as unknown as { master: { options: { max: number } } }).master.options.max;
  const runners: QueryRunner[] = [];
  for (let i = 0; i < size; i += 1) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    runners.push(runner);
  }
  return async () => {
    await Promise.all(runners.map((runner) => runner.release()));
  };
}

describe('readiness of an agency', () => {
  let database: Database;
  let grantKey: SigningKey;
  const running: RunningService[] = [];
  const servers: http.Server[] = [];

  /** The police service on `database`, verifying grants with `verifier`; its base URL. */
  async function agency(verifier: GrantVerifier): Promise<string> {
    const app = await buildAgencyApp({
      adapter: police, dataSource: database.dataSource, verifier, thresholds: DEFAULT_THRESHOLDS, referenceDate: fixedReferenceDate('2026-11-01'), logger: createLogger('police'),
    });
    const service = await listen(app, 0);
    running.push(service);
    return service.url.replace(/\/graphql$/, '');
  }
  const pinned = () => new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: { keys: [grantKey.publicJwk] } });

  /** A stand-in for the gateway's JWKS address; its URL. */
  async function jwksServer(): Promise<{ url: string; server: http.Server }> {
    const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [grantKey.publicJwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, server };
  }

  beforeAll(async () => {
    grantKey = await generateSigningKey();
    database = await openTestDatabase({ service: 'police', entities: agencyEntities(police), migrations: police.migrations });
  });
  afterAll(async () => {
    await Promise.allSettled(running.map((service) => service.stop()));
    servers.forEach((server) => server.close());
    await database?.close();
  });

  it('is ready with its database, its migrations and the pinned gateway keys checked, and says so without caching', async () => {
    const base = await agency(pinned());
    const ready = await get(base, '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: { status: 'ok' }, migrations: { status: 'ok' }, gatewayKeys: { status: 'ok' } } });
    expect(ready.cache).toBe('no-store');
    expect((await get(base, '/health')).body).toEqual({ status: 'ok' });
  });

  it('is not ready while a migration this build knows is not applied, and ready again once it is', async () => {
    const base = await agency(pinned());
    const [last] = await database.dataSource.query('SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1');
    await database.dataSource.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      const ready = await get(base, '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({
        status: 'not ready', failing: ['migrations'],
        checks: { database: { status: 'ok' }, migrations: { status: 'failed', reason: '1 pending' }, gatewayKeys: { status: 'ok' } },
      });
      expect((await get(base, '/health')).status).toBe(200);
    } finally {
      await database.dataSource.query('INSERT INTO migrations (timestamp, name) VALUES ($1, $2)', [last.timestamp, last.name]);
    }
    expect((await get(base, '/ready')).status).toBe(200);
  });

  it('answers 503 naming the database, in bounded time, while no connection can be had; ready again after', async () => {
    const base = await agency(pinned());
    const release = await holdPool(database.dataSource);
    try {
      const ready = await get(base, '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.failing).toEqual(expect.arrayContaining(['database']));
      expect(ready.body.checks.database).toEqual({ status: 'failed', reason: 'timed out' });
      expect(ready.body.checks.gatewayKeys).toEqual({ status: 'ok' });
      expect((await get(base, '/health')).status).toBe(200);
    } finally {
      await release();
    }
    expect((await get(base, '/ready')).status).toBe(200);
  });

  (serverMode ? it : it.skip)('answers 503 naming the database while the server refuses connections, and recovers without a restart (server mode: needs a Postgres server)', async () => {
    const base = await agency(pinned());
    const name = (database.dataSource.options as { url: string }).url.split('/').pop()!.split('?')[0];
    const admin = (sql: string) => runAdmin(process.env.TEST_DATABASE_URL!, sql);
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    try {
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
      const ready = await get(base, '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.failing).toContain('database');
      expect(ready.body.checks.database.status).toBe('failed');
      // A code at most, never the server's message (which names the database and the user).
      expect(ready.text).not.toContain(name);
      expect(ready.text).not.toMatch(/postgres:\/\/|password|\n\s+at /);
      expect((await get(base, '/health')).status).toBe(200);
    } finally {
      await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    expect((await get(base, '/ready')).status).toBe(200);
  });

  it('is not ready without the gateway keys: an unreachable JWKS address, or a pinned set with no key for grants', async () => {
    const { url, server } = await jwksServer();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const unreachable = await agency(new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwksUrl: url }));
    const fromUrl = await get(unreachable, '/ready');
    expect(fromUrl.status).toBe(503);
    expect(fromUrl.body.failing).toEqual(['gatewayKeys']);
    expect(fromUrl.body.checks.gatewayKeys.reason).toMatch(/^key set unreachable/);
    expect((await get(unreachable, '/health')).status).toBe(200);

    const empty = await agency(new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: { keys: [] } }));
    const pinnedEmpty = await get(empty, '/ready');
    expect(pinnedEmpty.status).toBe(503);
    expect(pinnedEmpty.body).toMatchObject({ failing: ['gatewayKeys'], checks: { gatewayKeys: { status: 'failed', reason: 'no usable key' } } });
  });

  it('is ready once it has fetched the gateway keys from the JWKS address', async () => {
    const { url } = await jwksServer();
    const base = await agency(new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwksUrl: url }));
    const ready = await get(base, '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.gatewayKeys).toEqual({ status: 'ok' });
  });
});

describe('readiness of the gateway', () => {
  let hub: Database;
  let gateway: RunningGateway;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-ready-'));
    hub = await openTestDatabase({ service: 'hub', entities: hubEntities, migrations: hubMigrations });
    gateway = await startGateway({
      hub: hub.dataSource,
      grantKey: await generateSigningKey(),
      config: {
        port: 0, host: '127.0.0.1', production: false, demoMode: true, dataDir,
        // No agency is needed to be ready: an agency that is down makes its fields unavailable, nothing more.
        agencyUrls: Object.fromEntries(AGENCIES.map((agency) => [agency, 'http://127.0.0.1:9/graphql'])) as Record<AgencyName, string>,
        agencyTimeoutMs: 1000, auth: userAuthConfigFromEnv(path.join(dataDir, 'keys', 'demo-user-issuer.jwk.json'), {}), seedPeople: 0, seed: false,
        supergraphPath: path.resolve(__dirname, '../../gateway/supergraph.graphql'), grantKey: { generate: false }, grantIssuer: 'mash-gateway', limits: DEFAULT_LIMITS,
      },
    });
  });
  afterAll(async () => {
    await Promise.allSettled([gateway?.stop()]);
    await hub?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready with the hub database and its migrations checked, and not ready, naming the database, once the hub is gone', async () => {
    const base = gateway.url.replace(/\/graphql$/, '');
    const ready = await get(base, '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: { status: 'ok' }, migrations: { status: 'ok' } } });

    await hub.dataSource.destroy();
    const gone = await get(base, '/ready');
    expect(gone.status).toBe(503);
    expect(gone.body).toEqual({
      status: 'not ready', failing: ['database', 'migrations'],
      checks: { database: { status: 'failed', reason: 'not connected' }, migrations: { status: 'failed', reason: 'not connected' } },
    });
    expect((await get(base, '/health')).body).toEqual({ status: 'ok' });
  });
});

async function runAdmin(serverUrl: string, sql: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
