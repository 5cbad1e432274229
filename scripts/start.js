#!/usr/bin/env node
// Starts the four agency subgraphs and the gateway as separate processes (each deployable alone),
// forwards their log lines, and prints one line containing "ready" once every service is ready:
// its /ready answers 200 (database reachable, migrations applied and, for agencies, the gateway's keys held).
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Demo mode unless told otherwise; never by default under NODE_ENV=production, where the gateway
// refuses it (configure the grant key and the identity provider's keys instead).
const env = { ...process.env, MASH_DEMO_MODE: process.env.MASH_DEMO_MODE ?? (process.env.NODE_ENV === 'production' ? 'false' : 'true') };
const SERVICES = [
  { name: 'police', entry: 'subgraphs/police/dist/index.js', port: env.POLICE_PORT ?? 4001 },
  { name: 'social-care', entry: 'subgraphs/social-care/dist/index.js', port: env.SOCIAL_CARE_PORT ?? 4002 },
  { name: 'health', entry: 'subgraphs/health/dist/index.js', port: env.HEALTH_PORT ?? 4003 },
  { name: 'education', entry: 'subgraphs/education/dist/index.js', port: env.EDUCATION_PORT ?? 4004 },
  { name: 'gateway', entry: 'gateway/dist/index.js', port: env.GATEWAY_PORT ?? 4000 },
];
const STARTUP_TIMEOUT_MS = Number(env.MASH_STARTUP_TIMEOUT_MS ?? 300_000);

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null))).then(() => process.exit(code));
}

async function waitForReady(service, deadline) {
  const url = `http://127.0.0.1:${service.port}/ready`;
  let last = 'not listening';
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      const body = await response.json().catch(() => ({}));
      last = `not ready: ${(body.failing ?? []).map((name) => `${name} (${body.checks?.[name]?.reason ?? 'failed'})`).join(', ') || response.status}`;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not become ready on port ${service.port} within ${STARTUP_TIMEOUT_MS / 1000}s (${last})`);
}

async function main() {
  for (const service of SERVICES) {
    const child = spawn(process.execPath, [path.join(root, service.entry)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${service.name} exited (${signal ?? code}); stopping the others`);
        stopAll(1);
      }
    });
    children.push(child);
  }
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  await Promise.all(SERVICES.map((service) => waitForReady(service, deadline)));
  const gateway = SERVICES.find((service) => service.name === 'gateway');
  console.log(`MASH federation ready: screens http://127.0.0.1:${gateway.port}/app/; gateway http://127.0.0.1:${gateway.port}/graphql; agencies on ports ${SERVICES.filter((s) => s !== gateway).map((s) => s.port).join(', ')}`);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
main().catch((error) => {
  console.error(error.message);
  stopAll(1);
});
