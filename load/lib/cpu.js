// Where the machine's CPU went during the run (Linux /proc; null elsewhere): each service, the
// load generator (this process), every postgres process (and of those, the backends serving the
// run's own databases), and the rest of the machine (anything else running, e.g. another job on a
// shared machine), each as cores busy on average.
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

/** The database a postgres backend serves, from its title ("postgres: 15/main: <user> <database> <host> <state>"); null for other postgres processes. */
function backendDatabase(pid) {
  try {
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '');
    return /^postgres: [^:]+: \S+ (\S+) /.exec(title)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Every postgres process now: pid -> { ticks, database }. */
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
      ticks.set(entry, { ticks: Number(fields[11]) + Number(fields[12]), database: backendDatabase(entry) });
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

/** A snapshot now; `cpuSince(snapshot, services)` gives the figures since. `databases`: the run's database names. */
function cpuSnapshot(services, databases = []) {
  return {
    databases: new Set(databases),
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
  let postgresRun = 0;
  const byDatabase = Object.fromEntries([...start.databases].map((name) => [name, 0]));
  for (const [pid, now] of postgresTicks()) {
    const used = now.ticks - (start.postgres.get(pid)?.ticks ?? 0);
    postgres += used;
    if (!start.databases.has(now.database)) continue;
    postgresRun += used;
    byDatabase[now.database] += used;
  }
  const busy = machineBusyTicks() - start.machine;
  return {
    seconds: round(seconds, 1),
    cpus: os.cpus().length,
    machineBusyCores: cores(busy),
    services: perService,
    loadGenerator: cores(selfTicks),
    postgres: cores(postgres),
    postgresRunDatabases: cores(postgresRun),
    postgresByDatabase: Object.fromEntries(Object.entries(byDatabase).map(([name, ticks]) => [name, cores(ticks)])),
    restOfMachine: cores(Math.max(0, busy - ours - selfTicks - postgres)),
    note: 'cores busy on average over the run (CPU seconds / wall seconds); postgres = every postgres process on the server, other databases\' included; postgresRunDatabases = of those, the backends connected to this run\'s databases (not the shared WAL writer, checkpointer and the like); restOfMachine = anything else running',
  };
}

module.exports = { cpuSnapshot, cpuSince, processTicks, postgresTicks, TICKS_PER_SECOND };
