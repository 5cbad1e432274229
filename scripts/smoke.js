#!/usr/bin/env node
// Smoke run of the external contract in embedded mode: `npm start` on a fresh data folder reaches
// "ready", a demo token lists the cases, and the RED case comes back MATCHED by all four agencies.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-smoke-'));
const env = { ...process.env, MASH_DATA_DIR: dataDir, MASH_LOG_LEVEL: 'warn' };
const TIMEOUT_MS = 300_000;

function fail(message) {
  console.error(`smoke: FAILED: ${message}`);
  process.exitCode = 1;
}

async function graphql(query, variables, token) {
  const response = await fetch('http://127.0.0.1:4000/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function main() {
  const started = Date.now();
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no "ready" line within 5 minutes')), TIMEOUT_MS);
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (/ready/.test(buffer)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}`)));
  });
  try {
    await ready;
    console.log(`smoke: ready after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    const token = execFileSync(process.execPath, [path.join(root, 'scripts/token.js'), '--role', 'mash-triage'], { env }).toString().trim();
    const cases = await graphql('{ cases { id reference rag } }', {}, token);
    const red = cases.data?.cases?.find((item) => item.rag === 'RED');
    if (!red) return fail(`no RED case listed: ${JSON.stringify(cases).slice(0, 300)}`);
    const view = await graphql(
      'query($id: ID!) { case(id: $id) { subjects { police { status } socialCare { status } health { status } education { status } } } }',
      { id: red.id },
      token,
    );
    const statuses = (view.data?.case?.subjects ?? []).flatMap((subject) => Object.values(subject).map((field) => field?.status));
    if (statuses.length !== 12 || statuses.some((status) => status !== 'MATCHED')) return fail(`RED case view: ${JSON.stringify(view).slice(0, 500)}`);
    console.log(`smoke: ${cases.data.cases.length} cases; RED case ${red.reference}: 3 subjects MATCHED by 4 agencies`);
    // The screens: built by npm start, served at /app/ under the strict CSP, demo sign-in on.
    const app = await fetch('http://127.0.0.1:4000/app/queue');
    const page = await app.text();
    if (app.status !== 200 || !page.includes('<div id="root">')) return fail(`/app/queue answered ${app.status}: ${page.slice(0, 200)}`);
    if (!/script-src 'self'/.test(app.headers.get('content-security-policy') ?? '')) return fail('/app/ is served without its Content-Security-Policy');
    const config = await (await fetch('http://127.0.0.1:4000/app/config.json')).json();
    if (config.mode !== 'demo') return fail(`/app/config.json mode ${config.mode}, expected demo`);
    console.log('smoke: screens served at /app/ with their CSP; demo sign-in offered');
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error.message));
