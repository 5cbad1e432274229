import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { generatePopulation, generateSigningKey, GrantIssuer, subjectDigests } from '@mash/shared';
import { issueDemoToken } from '@mash/gateway/dist/auth/demo-issuer';
import { ENTITIES_QUERY } from '../fixtures/queries';
import { representation } from '../fixtures/subjects';

/**
 * Tracing as deployed: the gateway and an agency each in its own process, started from their
 * built entries with MASH_TRACING=on, exporting OTLP/HTTP to a collector this test plays. Proves
 * what the in-process test cannot: the entries start tracing before their database driver is
 * used, the require hook and the in-place patch make SQL spans, and each process names itself.
 */

const ROOT = path.resolve(__dirname, '../..');
const PEOPLE = 60;

interface OtlpSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** A collector: every span posted to /v1/traces (OTLP JSON), flattened with its service's name. */
function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const value = (wrapped: Record<string, unknown>) => Object.values(wrapped)[0];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const payload = JSON.parse(body) as { resourceSpans: any[] };
      for (const resourceSpans of payload.resourceSpans ?? []) {
        const service = String(value(resourceSpans.resource.attributes.find((attribute: any) => attribute.key === 'service.name').value));
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            const attributes = Object.fromEntries((span.attributes ?? []).map((attribute: any) => [attribute.key, value(attribute.value)]));
            spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? '', name: span.name, kind: span.kind, attributes });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  })));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A service from its built entry; resolves once /health answers. */
async function startService(entry: string, env: NodeJS.ProcessEnv, port: number, log: string): Promise<ChildProcess> {
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [path.join(ROOT, entry)], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited ${child.exitCode}:\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not answer /health in time:\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
}

function stopService(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

const traceparent = (traceId: string, spanId: string) => `00-${traceId}-${spanId}-01`;

describe('traces exported over OTLP by the gateway and an agency in their own processes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-tracing-'));
  const server = process.env.TEST_DATABASE_URL;
  const databases = server ? ['police', 'hub'].map((name) => `mash_trace_${randomBytes(4).toString('hex')}_${name}`) : [];
  const databaseUrl = (name: string) => { const url = new URL(server!); url.pathname = `/${name}`; return url.toString(); };
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let police: ChildProcess | undefined;
  let gateway: ChildProcess | undefined;
  let ports: { police: number; gateway: number };
  let issuer: GrantIssuer;

  const spansOf = async (traceId: string, until: (spans: OtlpSpan[]) => boolean): Promise<OtlpSpan[]> => {
    for (let waited = 0; waited < 15_000; waited += 100) {
      const found = collector.spans.filter((span) => span.traceId === traceId);
      if (until(found)) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return collector.spans.filter((span) => span.traceId === traceId);
  };

  beforeAll(async () => {
    collector = await startCollector();
    const key = await generateSigningKey();
    issuer = new GrantIssuer({ key });
    const keyFile = path.join(dataDir, 'gateway-keys.json');
    fs.writeFileSync(keyFile, JSON.stringify({ keys: [key.publicJwk] }));
    ports = { police: await freePort(), gateway: await freePort() };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      MASH_DATA_DIR: dataDir,
      MASH_SEED_PEOPLE: String(PEOPLE),
      MASH_CHECKPOINTS: 'false',
      MASH_LOG_LEVEL: 'warn',
      MASH_DEMO_MODE: 'true',
      APOLLO_TELEMETRY_DISABLED: 'true',
      MASH_TRACING: 'on',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      POLICE_PORT: String(ports.police),
      GATEWAY_PORT: String(ports.gateway),
      MASH_GATEWAY_JWKS_FILE: keyFile,
      ...(server ? { POLICE_DATABASE_URL: databaseUrl(databases[0]), HUB_DATABASE_URL: databaseUrl(databases[1]) } : {}),
    };
    [police, gateway] = await Promise.all([
      startService('subgraphs/police/dist/index.js', env, ports.police, path.join(dataDir, 'police.log')),
      startService('gateway/dist/index.js', env, ports.gateway, path.join(dataDir, 'gateway.log')),
    ]);
  });

  afterAll(async () => {
    await Promise.all([stopService(police), stopService(gateway)]);
    await collector?.close();
    if (server && databases.length > 0) {
      const admin = new Client({ connectionString: server });
      await admin.connect();
      for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('an agency continues the caller\'s trace and exports its grant check, matching and SQL as mash-police', async () => {
    const population = generatePopulation({ people: PEOPLE });
    const subject = representation(population, population.people[0]);
    const { token, grantId } = await issuer.mint({
      agency: 'police', caseId: 'case-1', subjectIds: [subject.id], purpose: 'MASH_TRIAGE', policyVersion: 'test',
      userId: 'triage-officer-1', obligations: [], subjectDigests: subjectDigests([subject]),
    });
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`http://127.0.0.1:${ports.police}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: traceparent(traceId, callerSpanId) },
      body: JSON.stringify({ query: ENTITIES_QUERY.police, variables: { representations: [subject] } }),
    });
    expect(response.status).toBe(200);
    const spans = await spansOf(traceId, (found) => found.some((span) => span.kind === 2) && found.some((span) => span.name === 'mash.match'));
    const serverSpan = spans.find((span) => span.kind === 2)!;
    expect(serverSpan).toMatchObject({ service: 'mash-police', parentSpanId: callerSpanId });
    const check = spans.find((span) => span.name === 'mash.grant.check')!;
    expect(check).toMatchObject({ parentSpanId: serverSpan.spanId, attributes: expect.objectContaining({ 'mash.grant_id': grantId, 'mash.outcome': 'accepted' }) });
    const sql = spans.filter((span) => span.name.startsWith('pg.query'));
    expect(sql.length).toBeGreaterThanOrEqual(2);
    expect(sql.every((span) => span.service === 'mash-police' && typeof span.attributes['db.query.text'] === 'string')).toBe(true);
    const match = spans.find((span) => span.name === 'mash.match')!;
    expect(sql.some((span) => span.parentSpanId === match.spanId)).toBe(true);
    const text = JSON.stringify(spans);
    for (const value of [subject.familyName, subject.dateOfBirth, subject.id]) expect(text).not.toContain(value);
  });

  it('the gateway starts a trace of its own (a client\'s traceparent is not continued) and exports its hub SQL as mash-gateway', async () => {
    const token = await issueDemoToken(path.join(dataDir, 'keys', 'demo-user-issuer.jwk.json'), { role: 'mash-triage', sub: 'triage-officer-1' });
    const clientTraceId = randomBytes(16).toString('hex');
    const response = await fetch(`http://127.0.0.1:${ports.gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: traceparent(clientTraceId, randomBytes(8).toString('hex')) },
      body: JSON.stringify({ query: 'query CaseList { cases { id reference rag } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { cases: unknown[] } }).data.cases.length).toBeGreaterThan(0);
    let request: OtlpSpan | undefined;
    for (let waited = 0; waited < 15_000 && !request; waited += 100) {
      request = collector.spans.find((span) => span.name === 'gateway.request' && span.attributes['graphql.operation.name'] === 'CaseList');
      if (!request) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(request).toBeDefined();
    expect(request!.traceId).not.toBe(clientTraceId);
    expect(collector.spans.some((span) => span.traceId === clientTraceId)).toBe(false);
    const spans = await spansOf(request!.traceId, (found) => found.some((span) => span.kind === 2));
    const root = spans.find((span) => !span.parentSpanId)!;
    expect(root).toMatchObject({ service: 'mash-gateway', kind: 2 });
    expect(request!.parentSpanId).toBe(root.spanId);
    expect(spans.filter((span) => span.name.startsWith('pg.query') && span.service === 'mash-gateway').length).toBeGreaterThan(0);
  });
});
