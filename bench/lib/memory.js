// Resident memory of a process, from the kernel's own accounting: /proc/<pid>/status VmRSS (now)
// and VmHWM (the peak resident size since the process started). Linux only; elsewhere null.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { round } = require('./load');

const MiB = (kB) => round(kB / 1024, 1);

/** `{ rssMiB, peakMiB }` of `pid`, or null when it is gone (or /proc is not there). */
function memoryOf(pid) {
  let status;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
  const rss = kB('VmRSS');
  const hwm = kB('VmHWM');
  return Number.isNaN(rss) ? null : { rssMiB: MiB(rss), peakMiB: Number.isNaN(hwm) ? null : MiB(hwm) };
}

/** Direct children of `pid`: /proc/<pid>/task/<tid>/children for every thread, else `ps --ppid`. */
function childPids(pid) {
  try {
    const pids = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
    return [...new Set(pids)];
  } catch {
    try {
      return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }
}

/** The process's command line (argv joined by spaces), or '' when it is gone. */
function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** Memory of each running service, by name, read now. */
function servicesMemory(services) {
  return Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.child?.pid ? memoryOf(service.child.pid) : null]));
}

module.exports = { memoryOf, childPids, commandLine, servicesMemory };
