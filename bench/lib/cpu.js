// CPU time per request of the concurrency-1 runs, from the kernel's own accounting: each service's
// /proc/<pid>/stat utime + stime, the same for every `postgres` process together (the database
// server's whole CPU: the backends, the WAL writer and the rest), and this bench process's own
// (process.cpuUsage: the client, and the floor's grant minting before each request is sent).
// Sampled after the warm-up and after the measured requests, divided by their number. Linux only;
// elsewhere no figures. Clock ticks are 10 ms at the usual CLK_TCK of 100, so a run of a few
// hundred requests resolves to a few hundredths of a millisecond per request.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { round } = require('./load');

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();

/** utime + stime of `pid` in clock ticks, or null when it is gone (or /proc is not there). */
function ticksOf(pid) {
  try {
    // The command name (field 2) may hold spaces; the fields after it are counted from its ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Every process named `postgres` (the server and its children), by /proc/<pid>/comm. */
function postgresPids() {
  try {
    return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && readComm(entry) === 'postgres').map(Number);
  } catch {
    return [];
  }
}

function readComm(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * `sample()` now; `perRequest(before, after, requests)` the CPU milliseconds per request of each
 * of `names` (services as run.js starts them), of postgres and of the bench. A process that
 * started or stopped in between has no figure (null); postgres sums the processes alive at both
 * samples (a backend that came or went in between is left out).
 */
function cpuSampler(services, names) {
  const available = fs.existsSync('/proc/self/stat');
  const sample = () => {
    if (!available) return null;
    const postgres = new Map(postgresPids().map((pid) => [pid, ticksOf(pid)]));
    return {
      services: Object.fromEntries(names.map((name) => [name, services[name]?.child?.pid ? ticksOf(services[name].child.pid) : null])),
      postgres,
      bench: process.cpuUsage(),
    };
  };
  const perRequest = (before, after, requests) => {
    if (!before || !after || requests <= 0) return null;
    const ms = (ticks) => round((ticks * TICK_MS) / requests, 3);
    const figures = Object.fromEntries(
      names.map((name) => {
        const [a, b] = [before.services[name], after.services[name]];
        return [name, a === null || b === null ? null : ms(b - a)];
      }),
    );
    let postgres = 0;
    for (const [pid, ticks] of after.postgres) {
      const earlier = before.postgres.get(pid);
      if (earlier != null && ticks != null) postgres += ticks - earlier;
    }
    figures.postgres = ms(postgres);
    const used = process.cpuUsage(before.bench);
    figures.bench = round((used.user + used.system) / 1000 / requests, 3);
    return figures;
  };
  return { available, sample, perRequest };
}

module.exports = { cpuSampler, TICK_MS };
