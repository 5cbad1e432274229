// The fault tests' reaper: a detached process that outlives the test runner by a moment. The test
// process registers what it started (`add <key> <json>`) and releases it once cleaned up
// (`del <key>`); when its pipe closes with anything still registered (the runner was killed,
// interrupted or timed out before afterAll), the reaper kills those processes, stops those private
// Postgres servers, removes those folders and drops those databases. Jest's sandbox cannot hook the runner's own exit.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const actions = new Map();
let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let newline;
  while ((newline = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, newline);
    buffer = buffer.slice(newline + 1);
    const [verb, key, ...rest] = line.split(' ');
    if (verb === 'add') actions.set(key, JSON.parse(rest.join(' ')));
    else if (verb === 'del') actions.delete(key);
  }
});

async function reap() {
  const all = [...actions.values()];
  for (const action of all.filter((item) => item.pid)) {
    for (const signal of ['SIGCONT', 'SIGKILL']) {
      try {
        process.kill(action.pid, signal);
      } catch {
        // already gone
      }
    }
  }
  for (const action of all.filter((item) => item.pgCtl)) {
    const { pgCtl, data, uid, gid } = action;
    spawnSync(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w'], { stdio: 'ignore', timeout: 30_000, ...(uid === undefined ? {} : { uid, gid }) });
  }
  for (const action of all.filter((item) => item.rm)) fs.rmSync(action.rm, { recursive: true, force: true });
  for (const { dropDatabase } of all.filter((item) => item.dropDatabase)) {
    const { Client } = require('pg');
    const client = new Client({ connectionString: dropDatabase.server });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${dropDatabase.name} WITH (FORCE)`);
    } catch {
      // the server is gone too
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  process.exit(0);
}

process.stdin.on('end', reap);
process.stdin.on('error', reap);
