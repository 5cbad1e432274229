// Access-log append throughput from one and several processes, then the whole chain verified.
const path = require('node:path');
const { round } = require('./load');
const { runNode, lastJsonLine } = require('./procs');
const { TARGETS, verdict } = require('./verdicts');

/** Runs `processes` audit workers that start together; their entries summed over the longest elapsed time. */
async function appendRun(bench, processes) {
  const { settings, log } = bench;
  log(`audit: ${processes} process(es) x concurrency ${settings.auditConcurrency}, ${settings.auditDurationS} s`);
  const startAt = Date.now() + 3000; // time for every worker to open the hub database first
  const outputs = await Promise.all(
    Array.from({ length: processes }, () =>
      runNode({
        entry: path.join(bench.root, 'bench', 'audit-worker.js'),
        args: ['--concurrency', String(settings.auditConcurrency), '--duration', String(settings.auditDurationS * 1000), '--start-at', String(startAt)],
        env: bench.baseEnv,
        timeoutMs: (settings.auditDurationS + 60) * 1000,
      }),
    ),
  );
  const results = outputs.map((output) => {
    const parsed = lastJsonLine(output.stdout);
    if (output.code !== 0 || !parsed) throw new Error(`audit worker failed: ${output.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    return parsed;
  });
  const entries = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const perSecond = round(entries / seconds, 0);
  log(`  ${perSecond} entries/s, errors ${errors}`);
  return {
    processes,
    entries,
    seconds,
    perSecond,
    errors,
    p50: round(Math.max(...results.map((r) => r.p50))),
    p99: round(Math.max(...results.map((r) => r.p99))),
    perProcess: results,
  };
}

async function auditThroughput(bench) {
  const { openHubDatabase } = require(path.join(bench.root, 'gateway/dist/hub/database'));
  const { verifyChain } = require(path.join(bench.root, 'gateway/dist/audit'));
  const runs = [];
  for (const processes of bench.settings.auditProcesses) runs.push(await appendRun(bench, processes));
  const hub = await openHubDatabase({ url: bench.databases.hub.url, dataDir: bench.dataDir });
  try {
    const t0 = Date.now();
    const report = await verifyChain(hub.dataSource);
    const verify = { ok: report.ok, entries: report.entries, firstBroken: report.firstBroken ?? null, seconds: round((Date.now() - t0) / 1000, 2) };
    bench.log(`  chain: ${verify.ok ? 'ok' : 'BROKEN'}, ${verify.entries} entries verified in ${verify.seconds} s`);
    for (const run of runs) run.verdict = verify.ok && !run.errors ? verdict(TARGETS.audit, run.perSecond) : 'FAIL';
    return { settings: { durationS: bench.settings.auditDurationS, concurrency: bench.settings.auditConcurrency }, runs, verify };
  } finally {
    await hub.close();
  }
}

module.exports = { auditThroughput };
