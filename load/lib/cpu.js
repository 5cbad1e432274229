// Where the machine's CPU went during the run (Linux /proc; null elsewhere): each service, the
// load generator (this process), every postgres process, and the rest of the machine (anything
// else running, e.g. another job on a shared machine), each as cores busy on average.
const fs = require('node:fs');
const os = require('node:os');
const { round } = require('../../bench/lib/load');

// USER_HZ: 100 on every Linux this runs on (the kernel exports clock ticks at this rate in /proc).
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in ticks; null when it is gone or /proc is not there. */
function processTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Every postgres process now: pid -> ticks. */
function postgresTicks() {
  const ticks = new Map();
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return ticks;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(entry, Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/** All CPUs' busy ticks (everything but idle and iowait). */
function machineBusyTicks() {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return total - values[3] - values[4];
  } catch {
    return null;
  }
}

/** A snapshot now; `cpuSince(snapshot, services)` gives the figures since. */
function cpuSnapshot(services) {
  return {
    at: process.hrtime.bigint(),
    self: process.cpuUsage(),
    services: Object.fromEntries(Object.entries(services).map(([name, service]) => [name, processTicks(service.child.pid)])),
    postgres: postgresTicks(),
    machine: machineBusyTicks(),
  };
}

function cpuSince(start, services) {
  if (start.machine === null) return null;
  const seconds = Number(process.hrtime.bigint() - start.at) / 1e9;
  const cores = (ticks) => (ticks === null ? null : round(ticks / TICKS_PER_SECOND / seconds, 2));
  const perService = {};
  let ours = 0;
  for (const [name, service] of Object.entries(services)) {
    const now = processTicks(service.child.pid);
    const used = now === null || start.services[name] === null ? null : now - start.services[name];
    perService[name] = cores(used);
    ours += used ?? 0;
  }
  const self = process.cpuUsage(start.self);
  const selfTicks = ((self.user + self.system) / 1e6) * TICKS_PER_SECOND;
  let postgres = 0;
  for (const [pid, ticks] of postgresTicks()) postgres += ticks - (start.postgres.get(pid) ?? 0);
  const busy = machineBusyTicks() - start.machine;
  return {
    seconds: round(seconds, 1),
    cpus: os.cpus().length,
    machineBusyCores: cores(busy),
    services: perService,
    loadGenerator: cores(selfTicks),
    postgres: cores(postgres),
    restOfMachine: cores(Math.max(0, busy - ours - selfTicks - postgres)),
    note: 'cores busy on average over the run (CPU seconds / wall seconds); postgres = every postgres process on the server, other databases\' included; restOfMachine = anything else running',
  };
}

module.exports = { cpuSnapshot, cpuSince };
