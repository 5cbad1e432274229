#!/usr/bin/env node
// npm run bench [-- --sizes 10000,100000,1000000 --duration 20 --concurrency 16 --keep]
//
// Server mode only, everything on 127.0.0.1: fresh mash_bench_* databases, the four agencies and
// our gateway as separate processes (production builds, NODE_ENV=production), a plain
// @apollo/gateway beside them, then: ours / plain / floor on the RED case's triage query; at each
// people-per-agency size our p50 and p99, each agency's floor at concurrency 1, the candidate query
// plans and every service's resident memory; access-log append throughput from one and several
// processes with the chain verified afterwards; the memory of `npm start` in embedded mode. Prints
// a table and writes the same figures to bench/results/<ISO timestamp>.json. Every step is bounded.
require('reflect-metadata');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { AGENCIES, envPrefix, jose } = require('@mash/shared');
const { benchDatabases, recreate, drop, query } = require('./lib/databases');
const { auditThroughput } = require('./lib/audit');
const { compare, measure } = require('./lib/compare');
const { cpuSampler } = require('./lib/cpu');
const { embeddedMemory } = require('./lib/embedded');
const { grantKeeper } = require('./lib/grants');
const { createClient } = require('./lib/http');
const { round } = require('./lib/load');
const { grantCosts } = require('./lib/micro');
const { machineInfo } = require('./lib/machine');
const { servicesMemory } = require('./lib/memory');
const { startService, runNode, stopAll } = require('./lib/procs');
const { render, summarise } = require('./lib/report');
const { runScale } = require('./lib/scale');
const { TRIAGE, triageError, createTargets } = require('./lib/targets');
const { readCommandLine } = require('../scripts/command-line');

const root = path.resolve(__dirname, '..');
const USAGE = `usage: npm run bench [-- --sizes 10000,100000,1000000 --duration 20 --concurrency 16 --rounds 4 --keep
  --scale-duration 10 --unloaded-duration 5 --layers-duration 3 --audit-duration 10 --audit-processes 1,2,3
  --skip-embedded --profile-dir <dir>]  (bench/README.md has every option and the method)`;
const { values: args } = readCommandLine(USAGE, {
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    duration: { type: 'string', default: '20' },
    'scale-duration': { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'audit-duration': { type: 'string', default: '10' },
    'audit-concurrency': { type: 'string', default: '8' },
    'audit-processes': { type: 'string', default: '1,2,3' },
    'seed-people': { type: 'string', default: '2000' },
    'seed-parallel': { type: 'string', default: String(Math.min(4, os.cpus().length)) },
    'base-port': { type: 'string', default: '4100' },
    order: { type: 'string', default: 'plain,ours,floor' },
    rounds: { type: 'string', default: '4' },
    'unloaded-duration': { type: 'string', default: '5' },
    'layers-duration': { type: 'string', default: '3' },
    'segment-warmup': { type: 'string', default: '1' },
    'compare-largest': { type: 'boolean', default: false },
    'skip-analyze': { type: 'boolean', default: false },
    'skip-embedded': { type: 'boolean', default: false },
    'embedded-timeout': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
  },
});
const settings = {
  sizes: args.sizes.split(',').map((size) => Number(size.trim())).filter((size) => size > 0).sort((a, b) => a - b),
  durationS: Number(args.duration),
  scaleDurationS: Number(args['scale-duration']),
  warmupS: Number(args.warmup),
  concurrency: Number(args.concurrency),
  auditDurationS: Number(args['audit-duration']),
  auditConcurrency: Number(args['audit-concurrency']),
  auditProcesses: args['audit-processes'].split(',').map(Number).filter((n) => n > 0),
  seedPeople: Number(args['seed-people']),
  seedParallel: Math.max(1, Number(args['seed-parallel'])),
  basePort: Number(args['base-port']),
  order: args.order.split(',').map((name) => name.trim()),
  rounds: Math.max(1, Number(args.rounds)),
  unloadedS: Number(args['unloaded-duration']),
  layersS: Number(args['layers-duration']),
  segmentWarmupS: Number(args['segment-warmup']),
  compareLargest: args['compare-largest'],
  skipAnalyze: args['skip-analyze'],
  embedded: !args['skip-embedded'],
  embeddedTimeoutS: Number(args['embedded-timeout']),
};
if (['ours', 'plain', 'floor'].some((name) => !settings.order.includes(name))) throw new Error('--order must name ours, plain and floor');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databases = benchDatabases(adminUrl);
const ports = { gateway: settings.basePort, police: settings.basePort + 1, 'social-care': settings.basePort + 2, health: settings.basePort + 3, education: settings.basePort + 4, plain: settings.basePort + 5 };

const started = Date.now();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-'));
const logDir = path.join(dataDir, 'logs');
fs.mkdirSync(logDir);
const client = createClient({ maxSockets: settings.concurrency * 4 + 8 });
// --profile-dir: every service writes a V8 CPU profile there when it stops (for "where time goes").
const nodeArgs = args['profile-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['profile-dir'])}`] : [];
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

// Production mode, as deployed: no demo issuer. The bench is its own identity provider (a fresh
// ES256 key pair whose public half the gateway is given) and gives the gateway a fresh grant key.
const { generateKeyPairSync } = require('node:crypto');
const userIdp = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const grantKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const BENCH_ISSUER = 'https://bench-identity-provider.invalid/';
const BENCH_USER = 'bench-triage';

const baseEnv = {
  ...process.env,
  NODE_ENV: 'production',
  AUTH_ISSUER: BENCH_ISSUER,
  AUTH_ALGORITHMS: 'ES256',
  AUTH_PUBLIC_KEY: userIdp.publicKey.export({ type: 'spki', format: 'pem' }),
  MASH_GRANT_PRIVATE_KEY: grantKey.privateKey.export({ type: 'pkcs8', format: 'pem' }),
  // One bench user sends every request: the per-user rate limit would measure itself.
  MASH_RATE_LIMIT_PER_MINUTE: '0',
  // The same for the governance alert scan: it reads back each user's fetches of the day, and the
  // bench's one user makes tens of thousands (the scan five minutes in took 1.6 s of the gateway's
  // CPU over 6,500 entries, in the middle of the agencies' floors; about 0.4 s since its calendar
  // and look-back are cached, still more than the request path should share). Scans on demand only.
  MASH_ALERT_SCAN_INTERVAL_SECONDS: '0',
  MASH_LOG_LEVEL: 'warn',
  MASH_DATA_DIR: dataDir,
  MASH_SEED: 'true',
  MASH_SEED_PEOPLE: String(settings.seedPeople),
  MASH_HOST: '127.0.0.1',
  MASH_GATEWAY_JWKS_URL: `http://127.0.0.1:${ports.gateway}/.well-known/jwks.json`,
  HUB_DATABASE_URL: databases.hub.url,
  GATEWAY_PORT: String(ports.gateway),
};
delete baseEnv.MASH_DEMO_MODE;
for (const agency of AGENCIES) {
  baseEnv[`${envPrefix(agency)}_DATABASE_URL`] = databases[agency.replace('-', '_')].url;
  baseEnv[`${envPrefix(agency)}_PORT`] = String(ports[agency]);
  baseEnv[`${envPrefix(agency)}_URL`] = `http://127.0.0.1:${ports[agency]}/graphql`;
}
/** What the measuring modules share. */
const bench = { root, settings, ports, client, log, databases, baseEnv, dataDir, targets: createTargets(client) };

async function waitHealthy(service, port, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await client.getJson(`http://127.0.0.1:${port}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 250)), service.exited]);
  }
  throw new Error(`${service.name} not healthy on port ${port} within ${timeoutMs / 1000} s`);
}

/** The four agencies and our gateway, as separate processes (like scripts/start.js). */
async function startOurs(services) {
  for (const agency of AGENCIES) {
    services[agency] = startService({ name: agency, entry: path.join(root, 'subgraphs', agency, 'dist', 'index.js'), env: baseEnv, logDir, nodeArgs });
  }
  services.gateway = startService({ name: 'gateway', entry: path.join(root, 'gateway', 'dist', 'index.js'), env: baseEnv, logDir, nodeArgs });
  await Promise.all(Object.entries(services).map(([name, service]) => waitHealthy(service, ports[name])));
  bench.cpu = cpuSampler(services, [...AGENCIES, 'gateway', 'plain']);
  log(`services up (seed ${settings.seedPeople} people) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A triage user's token and the demo RED case (three subjects, all known to all four agencies). */
async function redCaseOf() {
  const token = await new jose.SignJWT({ roles: ['mash-triage'], name: 'Bench Triage' })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(BENCH_ISSUER)
    .setAudience('mash-gateway')
    .setSubject(BENCH_USER)
    .setIssuedAt()
    .setExpirationTime('4h')
    .sign(userIdp.privateKey);
  const auth = { authorization: `Bearer ${token}` };
  const listed = await client.postJson(`http://127.0.0.1:${ports.gateway}/graphql`, { query: '{ cases(rag: [RED]) { id reference status subjects { id } } }' }, auth);
  const redCase = listed.json?.data?.cases?.find((candidate) => candidate.status === 'OPEN' && candidate.subjects.length === 3);
  if (!redCase) throw new Error(`no open RED case with three subjects: ${listed.text.slice(0, 300)}`);
  log(`RED case ${redCase.reference} (${redCase.id}), subjects ${redCase.subjects.map((subject) => subject.id).join(', ')}`);
  return { auth, redCase, subjectIds: redCase.subjects.map((subject) => subject.id) };
}

/**
 * Starts the plain gateway, sends one triage query through each gateway (checked, and compared),
 * and returns the fetches the plain gateway sent to each agency: the floor replays exactly those.
 */
async function startPlain(services, { auth, redCase, subjectIds }, results) {
  services.plain = startService({
    name: 'plain',
    entry: path.join(__dirname, 'plain-gateway.js'),
    env: { ...baseEnv, PLAIN_PORT: String(ports.plain), BENCH_CASE_ID: redCase.id, BENCH_SUBJECT_IDS: subjectIds.join(','), BENCH_USER_ID: BENCH_USER },
    logDir,
    nodeArgs,
  });
  await waitHealthy(services.plain, ports.plain);
  const variables = { id: redCase.id };
  const first = {
    plain: await client.postJson(`http://127.0.0.1:${ports.plain}/graphql`, { query: TRIAGE, variables }),
    ours: await client.postJson(`http://127.0.0.1:${ports.gateway}/graphql`, { query: TRIAGE, variables }, auth),
  };
  for (const [name, response] of Object.entries(first)) {
    const error = triageError(response);
    if (error) throw new Error(`first ${name} triage query failed: ${error}`);
  }
  results.sameAnswer = JSON.stringify(first.plain.json.data) === JSON.stringify(first.ours.json.data);
  const { captured } = (await client.getJson(`http://127.0.0.1:${ports.plain}/captured`)).json;
  for (const agency of AGENCIES) if (!captured[agency]) throw new Error(`the plain gateway sent nothing to ${agency}`);
  results.floorFetches = Object.fromEntries(AGENCIES.map((agency) => [agency, { query: captured[agency].query, representations: captured[agency].variables.representations.length }]));
  results.plainGrants = 'a fresh single-use grant per agency request, bound to its representations';
  return captured;
}

/** The floor mints its own grants: same key and claims as the plain gateway's, fresh per request. */
async function floorGrants({ redCase, subjectIds }) {
  const { openHubDatabase } = require(path.join(root, 'gateway/dist/hub/database'));
  const hub = await openHubDatabase({ url: databases.hub.url, dataDir });
  try {
    return await grantKeeper({
      privateKeyPem: baseEnv.MASH_GRANT_PRIVATE_KEY,
      hub: hub.dataSource,
      user: { id: BENCH_USER, roles: ['mash-triage'] },
      caseId: redCase.id,
      subjectIds,
    });
  } finally {
    await hub.close();
  }
}

async function main() {
  const postgres = (await query(adminUrl, 'SHOW server_version'))[0].server_version;
  const results = { startedAt: new Date(started).toISOString(), machine: machineInfo(root, postgres), settings, comparisons: [] };
  log(`data dir ${dataDir}; creating ${Object.values(databases).map((db) => db.name).join(', ')}`);
  await recreate(adminUrl, databases);

  const services = {};
  await startOurs(services);
  const red = await redCaseOf();
  const fetches = await startPlain(services, red, results);
  const grants = await floorGrants(red);
  try {
    // What the layers of an agency fetch (bench/lib/layers.js) need to stand in for the grant guard.
    const layerFacts = { redCase: { id: red.redCase.id, subjectIds: red.subjectIds }, userId: BENCH_USER, obligations: grants.obligations, policyVersions: grants.policyVersions };
    results.scale = await runScale(bench, { auth: red.auth, variables: { id: red.redCase.id }, fetches, grants, layerFacts }, services, results);
  } finally {
    grants.stop();
  }

  // After every run, just before they stop: current and peak resident memory of each service.
  results.memory = { atEnd: servicesMemory(services) };
  // The services are not needed any more: stopped first, so the audit figures are the log's alone.
  log('stopping services');
  await Promise.all(Object.values(services).map((service) => service.stop()));
  results.audit = await auditThroughput(bench);
  log('per-operation costs');
  results.micro = await grantCosts();
  // Last, with nothing else running: its own services, embedded databases and ports.
  if (settings.embedded) results.embedded = await embeddedMemory({ root, logDir, log, timeoutS: settings.embeddedTimeoutS });

  results.summary = summarise(results);
  results.elapsedS = round((Date.now() - started) / 1000, 1);
  results.loadAverageAtEnd = os.loadavg().map((value) => round(value, 2));
  console.log(render(results));
  const resultsDir = path.join(__dirname, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${results.startedAt.replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`results: ${path.relative(root, file)}`);
}

let cleaning;
async function cleanUp() {
  cleaning ??= (async () => {
    client.close();
    await stopAll();
    if (args.keep) log(`kept databases ${Object.values(databases).map((db) => db.name).join(', ')} and ${dataDir}`);
    else {
      await drop(adminUrl, databases).catch((error) => log(`could not drop databases: ${error.message}`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    console.error(`service logs: ${logDir}${args.keep ? '' : ' (removed; pass --keep to keep them)'}`);
    await cleanUp();
    process.exit(1);
  });
