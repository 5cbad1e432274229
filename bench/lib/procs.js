// Child processes of the benchmark: started with their output in a log file, stopped by their own
// pid (SIGTERM, then SIGKILL after a grace period) on success, failure, Ctrl-C or an uncaught error.
// A process that starts children of its own (scripts/start.js) leads its own process group and is
// stopped with the whole group.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const children = new Set();
const groups = new Set();

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts a long-running Node service; `exited` rejects if it stops before `stop()` is called. */
function startService({ name, entry, args = [], env, logDir, nodeArgs = [] }) {
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, entry, ...args], { env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  children.add(child);
  let stopping = false;
  const exited = new Promise((_resolve, reject) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (!stopping) reject(new Error(`${name} exited (${signal ?? code}); last log lines:\n${tail(logFile)}`));
    });
  });
  exited.catch(() => {});
  return {
    name,
    child,
    logFile,
    exited,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}

function stopChild(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs a Node script to completion; resolves `{ code, stdout, stderr, ms }`, bounded by `timeoutMs`. */
function runNode({ entry, args = [], env, timeoutMs = 30 * 60_000 }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code: code ?? signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * Starts `entry` as the leader of a new process group, its stdout and stderr appended to `logFile`
 * and each stdout line passed to `onLine`. `stop()` sends SIGTERM to the group (SIGKILL after
 * `graceMs`) and resolves once no process of the group is left.
 */
function startGroup({ entry, args = [], env, logFile, onLine = () => {} }) {
  const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  let partial = '';
  child.stdout.on('data', (chunk) => {
    log.write(chunk);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) onLine(line);
  });
  child.stderr.on('data', (chunk) => log.write(chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let stopped;
  const group = {
    child,
    exited,
    stop: (graceMs = 10_000) => {
      stopped ??= stopGroup(child.pid, graceMs).then(() => {
        groups.delete(group);
        log.end();
      });
      return stopped;
    },
  };
  groups.add(group);
  return group;
}

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopGroup(pgid, graceMs) {
  const waitGone = async (ms) => {
    const deadline = Date.now() + ms;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return !groupAlive(pgid);
  };
  if (!groupAlive(pgid)) return;
  process.kill(-pgid, 'SIGTERM');
  if (await waitGone(graceMs)) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
  await waitGone(5000);
}

/** Stops every child and group still running (used on failure and exit). */
function stopAll() {
  return Promise.all([...[...children].map((child) => stopChild(child, 3000)), ...[...groups].map((group) => group.stop(3000))]);
}

/** Last line of `text` that parses as a JSON object, or null. */
function lastJsonLine(text) {
  for (const line of text.trim().split('\n').reverse()) {
    try {
      const value = JSON.parse(line);
      if (value && typeof value === 'object') return value;
    } catch {
      // not JSON
    }
  }
  return null;
}

module.exports = { startService, startGroup, runNode, stopAll, tail, lastJsonLine };
