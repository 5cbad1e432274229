#!/usr/bin/env node
// npm run load [-- --duration 60 --warmup 5 --connections 32 --mix triage=5,cases=3,write=2 --seed-people 2000
//                  --users 8 --timeout 10 --database-url <postgres on loopback> --database-prefix mash_load
//                  --base-port <n> --results-dir <dir> --keep --cpu-prof <dir> --max-in-flight <n>]
//
// A bounded load test on loopback only. Creates fresh databases <prefix>_{hub,police,social_care,
// health,education} on a Postgres server on this machine (LOAD_DATABASE_URL or --database-url, default
// postgres://postgres@127.0.0.1:5432/postgres; anything but a loopback address is refused), starts
// the four agencies and the gateway as separate processes against them (production builds,
// NODE_ENV=production, demo seed), vacuums and analyses the seeded databases (as autovacuum would),
// and sends them, with autocannon, a closed-loop mix of triage
// reads, case-list reads and referral writes for --duration seconds at --connections connections,
// after --warmup seconds of the same load (JIT compilation, connection pools, prepared statements:
// its latencies are reported apart and not in the run's percentiles; its errors fail the run as
// the run's do, and its writes are checked with the run's).
// Afterwards, with the services stopped: every write the client got a case for must be in the hub
// database, and the access log's chain must verify. Prints the figures with the method and writes
// them as JSON to load/results/load-<timestamp>.json.
//
// Exit 0 when every check passes; 1 when one fails (each failed check is named: errors other than
// expected ISA denials, p99 >= 1000 ms, a missing write, a broken chain) or the run could not be
// made; 2 for a bad argument or a non-loopback target.
//
// --max-in-flight <n>: the gateway's MASH_MAX_IN_FLIGHT for the run (0: no limit), to compare
// settings; without it the gateway's default (four times its cores, at least 8).
//
// --cpu-prof <dir>: every service runs under Node's --cpu-prof and leaves <service>.cpuprofile in
// <dir> when stopped (the profiler itself costs CPU: compare figures only between runs alike).
require('reflect-metadata');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { readCommandLine, usageError: exitWithUsage } = require('./command-line');
const { generateKeyPairSync, randomBytes } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const USAGE =
  'usage: npm run load -- [--duration 60] [--warmup 5] [--connections 32] [--mix triage=5,cases=3,write=2] [--seed-people 2000] [--users 8] [--timeout 10] ' +
  '[--database-url postgres://postgres@127.0.0.1:5432/postgres] [--database-prefix mash_load] [--base-port <n>] [--results-dir load/results] [--keep] [--cpu-prof <dir>] [--max-in-flight <n>]';

const usageError = (message) => exitWithUsage(USAGE, message);

const { values: args } = readCommandLine(USAGE, {
  options: {
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    mix: { type: 'string', default: 'triage=5,cases=3,write=2' },
    'seed-people': { type: 'string', default: '2000' },
    users: { type: 'string', default: '8' },
    timeout: { type: 'string', default: '10' },
    'database-url': { type: 'string', default: process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'database-prefix': { type: 'string', default: process.env.LOAD_DATABASE_PREFIX ?? 'mash_load' },
    'base-port': { type: 'string' },
    'results-dir': { type: 'string', default: path.join(root, 'load', 'results') },
    'startup-timeout': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    'max-in-flight': { type: 'string' },
  },
});

const { parseMix, sequence, requestsFor, classify, TRIAGE } = require('../load/lib/mix');
const { createRecorder, summarise, verdicts, methodText, render } = require('../load/lib/figures');

function positive(name, { integer = true, max = Infinity } = {}) {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)) || value > max) usageError(`--${name} must be a ${integer ? 'whole ' : ''}number above 0${max < Infinity ? ` and at most ${max}` : ''}`);
  return value;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
/** The admin URL, refused unless every host it could reach is this machine (a loopback address or a Unix socket). */
function loopbackDatabaseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    usageError('--database-url (LOAD_DATABASE_URL) is not a URL');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) usageError('--database-url (LOAD_DATABASE_URL) must be a postgres:// URL');
  if (!LOOPBACK.has(url.hostname)) usageError(`the load test runs on loopback only: refused database host "${url.hostname}" (use 127.0.0.1, localhost or ::1)`);
  const hostParam = url.searchParams.get('host');
  if (hostParam !== null && !hostParam.startsWith('/') && !LOOPBACK.has(hostParam)) usageError(`the load test runs on loopback only: refused database host "${hostParam}"`);
  return url;
}

let mix;
try {
  mix = parseMix(args.mix);
} catch (error) {
  usageError(error.message);
}
const adminUrl = loopbackDatabaseUrl(args['database-url']);
if (!/^[a-z_][a-z0-9_]{0,40}$/.test(args['database-prefix'])) usageError('--database-prefix must be lower-case letters, digits and _ (a Postgres name), at most 41 characters');
const settings = {
  durationS: positive('duration', { max: 3600 }),
  warmupS: /^\d+$/.test(args.warmup) && Number(args.warmup) <= 600 ? Number(args.warmup) : usageError('--warmup must be a whole number of seconds from 0 to 600'),
  connections: positive('connections', { max: 1024 }),
  mix,
  seedPeople: positive('seed-people'),
  users: positive('users', { max: 1000 }),
  timeoutS: positive('timeout', { max: 600 }),
  databasePrefix: args['database-prefix'],
  startupTimeoutS: positive('startup-timeout'),
  basePort: args['base-port'] === undefined ? null : positive('base-port', { max: 65530 }),
  // The gateway's MASH_MAX_IN_FLIGHT for this run (null: the gateway's default); 0 turns the limit off.
  maxInFlight: args['max-in-flight'] === undefined ? null : /^\d+$/.test(args['max-in-flight']) ? Number(args['max-in-flight']) : usageError('--max-in-flight must be a whole number (0: no limit)'),
};

// Loaded only once the arguments are known good (so a usage error needs no build).
const { AGENCIES, envPrefix, jose } = require('@mash/shared');
const { recreate, drop, query } = require('../bench/lib/databases');
const { createClient } = require('../bench/lib/http');
const { round } = require('../bench/lib/load');
const { machineInfo } = require('../bench/lib/machine');
const { startService, stopAll } = require('../bench/lib/procs');
const { cpuSnapshot, cpuSince } = require('../load/lib/cpu');

const started = Date.now();
const runId = `${new Date(started).toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
const log = (message) => console.error(`[load ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const SERVICES = ['hub', 'police', 'social_care', 'health', 'education'];
const databases = Object.fromEntries(
  SERVICES.map((service) => {
    const url = new URL(adminUrl);
    url.pathname = `/${settings.databasePrefix}_${service}`;
    return [service, { name: `${settings.databasePrefix}_${service}`, url: url.toString() }];
  }),
);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-load-'));
const logDir = path.join(dataDir, 'logs');
fs.mkdirSync(logDir);
const client = createClient({ maxSockets: 16 });

/** Free TCP ports on 127.0.0.1, or base, base+1, ... when --base-port is given. */
async function choosePorts(count) {
  if (settings.basePort !== null) return Array.from({ length: count }, (_, i) => settings.basePort + i);
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

// The load test is the identity provider (as the bench): production mode has no demo issuer.
const userIdp = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const grantKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ISSUER = 'https://load-test-identity-provider.invalid/';

function environment(ports) {
  // Nothing of the caller's may point the services elsewhere or change what is measured: every
  // service, MASH_*, AUTH_* and OTEL_* variable is dropped (tracing off and no metrics port, as by default).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(MASH_|OTEL_|AUTH_|HUB_|GATEWAY_|AGENCY_|POLICE_|SOCIAL_CARE_|HEALTH_|EDUCATION_|TEST_DATABASE_URL$|NODE_ENV$|SUPERGRAPH_PATH$)/.test(name)),
  );
  const env = {
    ...inherited,
    NODE_ENV: 'production',
    AUTH_ISSUER: ISSUER,
    AUTH_ALGORITHMS: 'ES256',
    AUTH_PUBLIC_KEY: userIdp.publicKey.export({ type: 'spki', format: 'pem' }),
    MASH_GRANT_PRIVATE_KEY: grantKey.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    // A handful of users send every request at full speed: the per-user limit would measure itself.
    MASH_RATE_LIMIT_PER_MINUTE: '0',
    MASH_LOG_LEVEL: 'warn',
    MASH_DATA_DIR: dataDir,
    MASH_SEED: 'true',
    MASH_SEED_PEOPLE: String(settings.seedPeople),
    MASH_HOST: '127.0.0.1',
    MASH_GATEWAY_JWKS_URL: `http://127.0.0.1:${ports.gateway}/.well-known/jwks.json`,
    // The agencies fetch the signed head of the access log from this gateway (not whatever listens on 4000).
    MASH_GATEWAY_CHECKPOINT_URL: `http://127.0.0.1:${ports.gateway}/audit/checkpoint`,
    HUB_DATABASE_URL: databases.hub.url,
    GATEWAY_PORT: String(ports.gateway),
    ...(settings.maxInFlight === null ? {} : { MASH_MAX_IN_FLIGHT: String(settings.maxInFlight) }),
  };
  for (const agency of AGENCIES) {
    env[`${envPrefix(agency)}_DATABASE_URL`] = databases[agency.replace('-', '_')].url;
    env[`${envPrefix(agency)}_PORT`] = String(ports[agency]);
    env[`${envPrefix(agency)}_URL`] = `http://127.0.0.1:${ports[agency]}/graphql`;
  }
  return env;
}

/** Ready: `/ready` answers 200 (or, on a build without it, `/health` does). */
async function waitReady(service, port, deadline) {
  while (Date.now() < deadline) {
    try {
      const ready = await client.getJson(`http://127.0.0.1:${port}/ready`);
      if (ready.status === 200) return;
      if (ready.status === 404 && (await client.getJson(`http://127.0.0.1:${port}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 250)), service.exited]);
  }
  throw new Error(`${service.name} not ready on port ${port} within ${settings.startupTimeoutS} s`);
}

/** Node options for one service: none, or the CPU profiler writing <--cpu-prof dir>/<name>.cpuprofile. */
function profilerArgs(name) {
  if (args['cpu-prof'] === undefined) return [];
  const dir = path.resolve(args['cpu-prof']);
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`];
}

async function startServices(ports, env) {
  const services = {};
  const start = (name, entry) => startService({ name, entry, env, logDir, nodeArgs: profilerArgs(name) });
  for (const agency of AGENCIES) services[agency] = start(agency, path.join(root, 'subgraphs', agency, 'dist', 'index.js'));
  services.gateway = start('gateway', path.join(root, 'gateway', 'dist', 'index.js'));
  const deadline = Date.now() + settings.startupTimeoutS * 1000;
  await Promise.all(Object.entries(services).map(([name, service]) => waitReady(service, ports[name], deadline)));
  return services;
}

/**
 * Each database as a service's stands once autovacuum has been round after the seed: planner
 * statistics taken and GIN pending lists merged. Without it, on a server with autovacuum off (as
 * on the test machine) or not yet round, the candidate queries are planned on tables never
 * analysed and every GIN search reads the seed's whole pending list (health's cost 1.75 ms of
 * Postgres CPU instead of 0.1). The bench does the same after its bulk loads.
 */
async function vacuumAnalyze() {
  await Promise.all(Object.values(databases).map((db) => query(db.url, 'VACUUM (ANALYZE)')));
}

async function tokensFor(count) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      new jose.SignJWT({ roles: ['mash-triage'], name: `Load Triage ${i + 1}` })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(ISSUER)
        .setAudience('mash-gateway')
        .setSubject(`load-triage-${i + 1}`)
        .setIssuedAt()
        .setExpirationTime('4h')
        .sign(userIdp.privateKey),
    ),
  );
}

/** The open RED and AMBER cases, each triaged once through the gateway first (an error there stops the run). */
async function triageCases(gateway, token) {
  const auth = { authorization: `Bearer ${token}` };
  const listed = await client.postJson(gateway, { query: '{ cases(rag: [RED, AMBER], status: OPEN, limit: 200) { id rag } }' }, auth);
  const cases = listed.json?.data?.cases;
  if (!Array.isArray(cases) || cases.length === 0) throw new Error(`no open RED or AMBER case to triage: HTTP ${listed.status} ${listed.text.slice(0, 300)}`);
  for (const found of cases) {
    const response = await client.postJson(gateway, { query: TRIAGE, variables: { id: found.id } }, auth);
    const judged = classify('triage', response.status, response.text);
    if (judged.outcome === 'error') throw new Error(`the first triage read of case ${found.id} failed before the run: ${judged.code}`);
  }
  return cases;
}

/** Runs autocannon for the run's duration; every answer and every failed request lands in `recorder`. */
function runLoad({ port, requests, recorder, durationS }) {
  const autocannon = require('autocannon');
  return new Promise((resolve, reject) => {
    let started = 0;
    const t0 = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: settings.connections,
        pipelining: 1,
        duration: durationS,
        timeout: settings.timeoutS,
        requests,
        setupClient: (connection) => {
          // Each connection starts at its own place in the cycle (the first at the first kind, the
          // second at the second, ...): users of a hub are not in step, and connections that all
          // sent triage reads at once, then all case lists, would load the services in waves.
          const offset = started++ % requests.length;
          if (offset > 0) connection.requestIterator.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
          // A timeout drops the connection's pending request before autocannon reports it: note its kind first.
          const queue = connection.pipelinedRequests;
          const clear = queue.clear.bind(queue);
          queue.clear = () => {
            connection.loadDropped = queue.toArray().map((pending) => pending.req?.kind ?? 'unknown');
            clear();
          };
          connection.on('timeout', () => recorder.failed(connection.loadDropped?.[0] ?? 'unknown', 'TIMEOUT', `no answer within ${settings.timeoutS} s`));
          connection.on('connError', (error) => recorder.failed(queue.peek()?.req?.kind ?? 'unknown', 'CONNECTION_ERROR', error?.code ?? error?.message));
        },
      },
      (error, result) => (error ? reject(error) : resolve({ result, seconds: Number(process.hrtime.bigint() - t0) / 1e9 })),
    );
    // Every answer: its judgement (left in the connection's context by onResponse) with autocannon's latency.
    instance.on('response', (connection, _status, _bytes, latencyMs) => {
      const judged = connection.requestIterator.context.last;
      connection.requestIterator.context.last = undefined;
      if (judged) recorder.answered(judged.kind, latencyMs, judged);
      else recorder.answered('unknown', latencyMs, { outcome: 'error', code: 'UNJUDGED' });
    });
  });
}

/** Looks up every acknowledged key in the hub database: present, under the reference the client was given. */
async function verifyWrites(acknowledged) {
  const rows = await query(databases.hub.url, 'SELECT idempotency_key AS key, reference FROM mash_case WHERE idempotency_key LIKE $1', [`load-${runId}-%`]);
  const stored = new Map(rows.map((row) => [row.key, row.reference]));
  let present = 0;
  let referenceMismatches = 0;
  const missingKeys = [];
  for (const [key, reference] of acknowledged) {
    if (!stored.has(key)) missingKeys.push(key);
    else {
      present += 1;
      if (stored.get(key) !== reference) referenceMismatches += 1;
    }
  }
  return { acknowledged: acknowledged.size, present, missing: missingKeys.length, referenceMismatches, missingKeys: missingKeys.slice(0, 20), inDatabase: stored.size, keyPrefix: `load-${runId}-` };
}

async function verifyAccessLog() {
  const { openHubDatabase } = require(path.join(root, 'gateway/dist/hub/database'));
  const { verifyChain } = require(path.join(root, 'gateway/dist/audit'));
  const hub = await openHubDatabase({ url: databases.hub.url, dataDir });
  try {
    const t0 = Date.now();
    const report = await verifyChain(hub.dataSource);
    return { ok: report.ok, entries: report.entries, firstBroken: report.firstBroken ?? null, seconds: round((Date.now() - t0) / 1000, 2) };
  } catch (error) {
    return { ok: false, entries: 0, firstBroken: null, error: error.message };
  } finally {
    await hub.close();
  }
}

async function main() {
  const postgres = (await query(adminUrl.toString(), 'SHOW server_version'))[0].server_version;
  const machine = machineInfo(root, postgres);
  log(`run ${runId}; creating ${Object.values(databases).map((db) => db.name).join(', ')}`);
  await recreate(adminUrl.toString(), databases);
  const [gatewayPort, ...agencyPorts] = await choosePorts(1 + AGENCIES.length);
  const ports = { gateway: gatewayPort, ...Object.fromEntries(AGENCIES.map((agency, i) => [agency, agencyPorts[i]])) };
  const services = await startServices(ports, environment(ports));
  log(`services ready (seed ${settings.seedPeople} people per agency) in ${((Date.now() - started) / 1000).toFixed(1)} s; ports ${JSON.stringify(ports)}`);
  await vacuumAnalyze();
  log('databases vacuumed and analysed');

  const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
  const tokens = await tokensFor(settings.users);
  const cases = await triageCases(gateway, tokens[0]);
  log(`${cases.length} open RED/AMBER cases to triage; ${settings.connections} connections for ${settings.durationS} s, mix ${args.mix}`);

  // One request list for the warm-up and the run: its counters go on, so every write's key is new.
  const requests = requestsFor({ mix, runId, cases: cases.map((found) => found.id), tokens });
  let warmup = null;
  if (settings.warmupS > 0) {
    const warmupRecorder = createRecorder();
    const { seconds: warmupSeconds } = await runLoad({ port: ports.gateway, requests, recorder: warmupRecorder, durationS: settings.warmupS });
    warmup = { recorder: warmupRecorder, figures: summarise(warmupRecorder, warmupSeconds) };
    log(`warm-up done: ${warmup.figures.overall.requests} answered in ${warmupSeconds.toFixed(1)} s (not in the run's figures)`);
  }
  const recorder = createRecorder();
  const loadStartedAt = new Date().toISOString();
  const cpuStart = cpuSnapshot(services, Object.values(databases).map((db) => db.name));
  const { result, seconds } = await runLoad({ port: ports.gateway, requests, recorder, durationS: settings.durationS });
  const cpu = cpuSince(cpuStart, services);
  const loadAverageAfterRun = os.loadavg().map((value) => round(value, 2));
  log(`load done: ${result.requests.total} answered in ${seconds.toFixed(1)} s; stopping services`);
  // Stopped (SIGTERM, as a deployment would) before anything is checked: what is in the database is final.
  await services.gateway.stop();
  await Promise.all(AGENCIES.map((agency) => services[agency].stop()));

  const writes = await verifyWrites(new Map([...(warmup?.recorder.acknowledged ?? []), ...recorder.acknowledged]));
  const chain = await verifyAccessLog();
  const figures = summarise(recorder, seconds);
  const checks = verdicts({ figures, warmup: warmup?.figures ?? null, writes, chain });
  const autocannonVersion = require('autocannon/package.json').version;
  const order = sequence(mix);
  const report = {
    tool: 'npm run load',
    runId,
    startedAt: new Date(started).toISOString(),
    loadStartedAt,
    machine,
    loadAverageAfterRun,
    settings: { ...settings, mixSequence: order, seconds: round(seconds, 3), autocannon: autocannonVersion, users: settings.users, triageCases: cases.map((found) => ({ id: found.id, rag: found.rag })) },
    method: methodText({ settings, order, machine, autocannonVersion, users: settings.users, cases: cases.length }),
    figures,
    warmup: warmup ? { seconds: settings.warmupS, figures: warmup.figures } : null,
    writes,
    chain,
    cpu,
    autocannon: {
      sent: result.requests.sent,
      answered: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: round(result.latency.average) },
    },
    checks,
    pass: checks.every((check) => check.ok),
    elapsedS: round((Date.now() - started) / 1000, 1),
  };
  console.log(render(report));
  fs.mkdirSync(args['results-dir'], { recursive: true });
  const file = path.join(args['results-dir'], `load-${report.startedAt.replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`results: ${path.relative(process.cwd(), file) || file}`);
  console.log(report.pass ? 'load test PASSED' : `load test FAILED: ${checks.filter((check) => !check.ok).map((check) => check.check).join('; ')}`);
  return report.pass;
}

let cleaning;
function cleanUp(passed) {
  cleaning ??= (async () => {
    client.close();
    await stopAll();
    if (args.keep) log(`kept databases ${Object.values(databases).map((db) => db.name).join(', ')} and ${dataDir}`);
    else {
      await drop(adminUrl.toString(), databases).catch((error) => log(`could not drop databases: ${error.message}`));
      if (passed) fs.rmSync(dataDir, { recursive: true, force: true });
      else log(`service logs kept in ${logDir}`);
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    cleanUp(false).finally(() => process.exit(130));
  });
}

main()
  .then(async (passed) => {
    await cleanUp(passed);
    process.exit(passed ? 0 : 1);
  })
  .catch(async (error) => {
    console.error(`load test could not run: ${error.stack ?? error.message}`);
    await cleanUp(false);
    process.exit(1);
  });
