// CPU time per request of the concurrency-1 runs, from the kernel's own accounting: each service's
// /proc/<pid>/stat utime + stime, the same for every `postgres` process together (the database
// server's whole CPU: the backends, the WAL writer and the rest), and this bench process's own
// (process.cpuUsage: the client, and the floor's grant minting before each request is sent).
// Sampled after the warm-up and after the measured requests, divided by their number. Linux only;
// elsewhere no figures. The /proc readers are the load test's (load/lib/cpu.js). Clock ticks are
// 10 ms, so a run of a few hundred requests resolves to a few hundredths of a millisecond each.
const fs = require('node:fs');
const { postgresTicks, processTicks, TICKS_PER_SECOND } = require('../../load/lib/cpu');
const { round } = require('./load');

const TICK_MS = 1000 / TICKS_PER_SECOND;

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
    return {
      services: Object.fromEntries(names.map((name) => [name, services[name]?.child?.pid ? processTicks(services[name].child.pid) : null])),
      postgres: postgresTicks(),
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
    for (const [pid, now] of after.postgres) {
      const earlier = before.postgres.get(pid);
      if (earlier) postgres += now.ticks - earlier.ticks;
    }
    figures.postgres = ms(postgres);
    const used = process.cpuUsage(before.bench);
    figures.bench = round((used.user + used.system) / 1000 / requests, 3);
    return figures;
  };
  return { sample, perRequest };
}

module.exports = { cpuSampler, TICK_MS };
