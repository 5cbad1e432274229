// Memory of `npm start` as a newcomer runs it: `node scripts/start.js` (after the build) with no
// database URL, so every service opens embedded PGlite under a fresh MASH_DATA_DIR and seeds the
// demo population. Free ports, its own process group, bounded in time; after the "ready" line each
// child's resident memory is read, then the group is stopped and the folder removed.
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { AGENCIES, envPrefix } = require('@mash/shared');
const { round } = require('./load');
const { childPids, commandLine, memoryOf } = require('./memory');
const { startGroup } = require('./procs');

const SERVICE_ENTRIES = [...AGENCIES.map((agency) => [agency, `subgraphs/${agency}/dist/index.js`]), ['gateway', 'gateway/dist/index.js']];
// Everything the services read from the environment is set here or left to its default, as a
// fresh `npm start` would: the bench's own server-mode settings must not leak in.
const SERVICE_VARIABLE = new RegExp(`^(NODE_ENV$|MASH_|HUB_|GATEWAY_|AGENCY_|SUPERGRAPH_|${AGENCIES.map((agency) => `${envPrefix(agency)}_`).join('|')})`);

/** `count` ports free on 127.0.0.1 right now (held together while chosen, so they differ). */
async function freePorts(count) {
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

function embeddedEnv(dataDir, ports) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVICE_VARIABLE.test(name)));
  Object.assign(env, { MASH_DATA_DIR: dataDir, MASH_HOST: '127.0.0.1', GATEWAY_PORT: String(ports.gateway) });
  env.MASH_GATEWAY_JWKS_URL = `http://127.0.0.1:${ports.gateway}/.well-known/jwks.json`;
  for (const agency of AGENCIES) {
    env[`${envPrefix(agency)}_PORT`] = String(ports[agency]);
    env[`${envPrefix(agency)}_URL`] = `http://127.0.0.1:${ports[agency]}/graphql`;
  }
  return env;
}

/** Each child of start.js, named by the service entry on its command line, with its memory now. */
function childrenMemory(pid) {
  return childPids(pid).map((child) => {
    const command = commandLine(child);
    const name = SERVICE_ENTRIES.find(([, entry]) => command.includes(entry))?.[0] ?? command.slice(0, 80);
    return { name, pid: child, ...(memoryOf(child) ?? { rssMiB: null, peakMiB: null }) };
  });
}

/**
 * Runs the step; never throws (a failure is reported in the result, the rest of the bench stands).
 * `timeoutS` bounds the wait for "ready" (first start seeds five embedded databases).
 */
async function embeddedMemory({ root, logDir, log, timeoutS }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-embedded-'));
  const [gateway, ...agencyPorts] = await freePorts(AGENCIES.length + 1);
  const ports = { gateway, ...Object.fromEntries(AGENCIES.map((agency, index) => [agency, agencyPorts[index]])) };
  const result = { method: 'node scripts/start.js, no database URL (embedded PGlite), fresh MASH_DATA_DIR, demo seed defaults, free ports', ports, timeoutS };
  log(`embedded: node scripts/start.js with MASH_DATA_DIR ${dataDir}, gateway port ${gateway}`);
  const started = Date.now();
  let onReady;
  const ready = new Promise((resolve) => (onReady = resolve));
  // The services log JSON lines to the same stdout; start.js's own "ready" line is plain text.
  const group = startGroup({
    entry: path.join(root, 'scripts', 'start.js'),
    env: embeddedEnv(dataDir, ports),
    logFile: path.join(logDir, 'embedded.log'),
    onLine: (line) => {
      if (!line.trimStart().startsWith('{') && /\bready\b/i.test(line)) onReady(line);
    },
  });
  let timer;
  try {
    const outcome = await Promise.race([
      ready.then((line) => ({ line })),
      group.exited.then((code) => ({ exited: code })),
      new Promise((resolve) => (timer = setTimeout(() => resolve({ timedOut: true }), timeoutS * 1000))),
    ]);
    if (!outcome.line) {
      result.error = outcome.timedOut ? `no "ready" line within ${timeoutS} s` : `start.js exited (${outcome.exited}) before "ready"`;
      return result;
    }
    result.readyS = round((Date.now() - started) / 1000, 1);
    result.startJs = memoryOf(group.child.pid);
    result.services = childrenMemory(group.child.pid);
    result.totalRssMiB = round(result.services.reduce((sum, service) => sum + (service.rssMiB ?? 0), 0) + (result.startJs?.rssMiB ?? 0), 1);
    log(`  ready in ${result.readyS} s; ${result.services.map((s) => `${s.name} ${s.rssMiB} MiB`).join(', ')}; total ${result.totalRssMiB} MiB`);
    return result;
  } catch (error) {
    result.error = error.message;
    return result;
  } finally {
    clearTimeout(timer);
    await group.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (result.error) log(`  embedded step failed: ${result.error} (log: ${path.join(logDir, 'embedded.log')})`);
  }
}

module.exports = { embeddedMemory, freePorts };
