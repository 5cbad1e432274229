// What the figures were measured on: they only compare within one run on one machine.
const { execSync } = require('node:child_process');
const os = require('node:os');
const { round } = require('./load');

/** CPUs, memory, Node and Postgres versions, load average now, and the git commit (and whether the tree differs). */
function machineInfo(root, postgres) {
  const git = (command) => {
    try {
      return execSync(command, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      return null;
    }
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverageAtStart: os.loadavg().map((value) => round(value, 2)),
    commit: git('git rev-parse --short HEAD') ?? 'unknown',
    dirty: Boolean(git('git status --porcelain')),
  };
}

module.exports = { machineInfo };
