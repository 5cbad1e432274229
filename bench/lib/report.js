// The printed report: every figure with how it was measured, and next to each target the measured
// value and PASS / FAIL.
const { AGENCIES } = require('@mash/shared');
const { errorsCell, fmt, int, table } = require('./format');
const { cpuTable, embeddedSection, memorySection, scaleSection } = require('./report-scale');
const { TARGETS, bound, verdict } = require('./verdicts');

function loadRow(name, run) {
  return [name, fmt(run.throughput, 1), fmt(run.p50), fmt(run.p95), fmt(run.p99), int(run.requests), errorsCell(run)];
}

function comparisonSection(comparison) {
  const { ours, plain, floor, ratios, people, settings } = comparison;
  const cpu = cpuTable(['run'], Object.entries(comparison.unloaded ?? {}).map(([name, run]) => [[name], run.cpuMsPerRequest]));
  return [
    `Triage query of the RED case (3 subjects x 4 agencies) at ${int(people)} people per agency: closed loop at concurrency ${settings.concurrency}, ` +
      `${settings.durationS} s per target, interleaved in ${settings.rounds} rotating round${settings.rounds === 1 ? '' : 's'} (${settings.warmupS} s warm-up each, ${settings.segmentWarmupS} s per segment); ` +
      `then each at concurrency 1 for ${settings.unloadedS} s after 1 s warm-up`,
    '  ours = our gateway (enforcement, per-request grants, access log); plain = @apollo/gateway, no enforcement or audit, a fresh grant minted per agency fetch; ' +
      'floor = the four agencies\' captured _entities fetches sent straight to them in parallel, latency = slowest',
    table(
      ['', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors'],
      [
        loadRow('ours', ours),
        loadRow('plain', plain),
        loadRow('floor', floor),
        ...Object.keys(comparison.unloaded ?? {}).map((name) => loadRow(`${name} (concurrency 1)`, comparison.unloaded[name])),
      ],
    ),
    '',
    ...(cpu ? [cpu, ''] : []),
    table(
      ['ratio', 'value', 'target', 'result'],
      [
        [TARGETS.throughputRatio.label, fmt(ratios.throughput, 3), bound(TARGETS.throughputRatio), ratios.verdicts.throughput],
        [`${TARGETS.p50RatioPlain.label} (not implied by the floor targets)`, fmt(ratios.p50Plain, 3), bound(TARGETS.p50RatioPlain), ratios.verdicts.p50Plain],
        [TARGETS.p50RatioFloor.label, fmt(ratios.p50Floor, 3), bound(TARGETS.p50RatioFloor), ratios.verdicts.p50Floor],
        ['ours / floor throughput (information)', fmt(ratios.throughputFloor, 3), '-', '-'],
        ['plain / floor p50 (concurrency 16; information: @apollo/gateway alone)', fmt(ratios.plainP50Floor, 3), '-', '-'],
        ...(ratios.oursOverFloorMs != null ? [['ours - floor p50 at concurrency 1, ms (information)', fmt(ratios.oursOverFloorMs), '-', '-']] : []),
        ...(ratios.plainOverFloorMs != null ? [['plain - floor p50 at concurrency 1, ms (information: @apollo/gateway alone)', fmt(ratios.plainOverFloorMs), '-', '-']] : []),
      ],
    ),
  ].join('\n');
}

function auditSection(audit) {
  return [
    `Audit log throughput: AuditLog.append into the hub database with the services stopped, ${audit.settings.durationS} s, concurrency ${audit.settings.concurrency} per process, processes started together`,
    table(
      ['processes', 'entries', 'entries/s', 'append p50 ms', 'append p99 ms', 'errors', 'target', 'result'],
      audit.runs.map((run) => [run.processes, int(run.entries), int(run.perSecond), fmt(run.p50), fmt(run.p99), run.errors, bound(TARGETS.audit), run.verdict]),
    ),
    `chain verified afterwards (verifyChain over the whole log): ${audit.verify.ok ? 'ok' : `BROKEN at ${audit.verify.firstBroken?.seq}`} (${int(audit.verify.entries)} entries in ${fmt(audit.verify.seconds, 1)} s)`,
  ].join('\n');
}

function render(results) {
  const out = [];
  const m = results.machine;
  out.push(`MASH bench ${results.startedAt}  commit ${m.commit}${m.dirty ? ' (uncommitted changes)' : ''}`);
  out.push(`machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGiB} GiB, node ${m.node}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart.join(' ')}, at end ${results.loadAverageAtEnd?.join(' ') ?? '-'}`);
  out.push('server mode: real Postgres, production builds (NODE_ENV=production), every service its own process, all traffic on 127.0.0.1; latencies are client-side, nearest-rank percentiles over every request');
  out.push('');
  for (const comparison of results.comparisons) {
    out.push(comparisonSection(comparison));
    out.push('');
  }
  if (results.sameAnswer !== undefined) out.push(`ours and plain return the same data for the triage query: ${results.sameAnswer ? 'yes' : 'NO'}`);
  out.push('plain gateway and floor grants: a fresh single-use grant per agency request, bound to the representations it carries (minted before the floor request is timed)');
  out.push('');
  out.push(scaleSection(results.scale));
  out.push('');
  out.push(memorySection(results));
  out.push('');
  out.push(embeddedSection(results.embedded));
  out.push('');
  out.push(auditSection(results.audit));
  out.push('');
  if (results.micro) {
    out.push(`Per-operation costs (one process, 1,000 each after warm-up): grant mint ${fmt(results.micro.mintUs, 1)} us, grant verify ${fmt(results.micro.verifyUs, 1)} us`);
    out.push('');
  }
  const { summary } = results;
  out.push(`Summary: ${summary.passed}/${summary.total} targets met${summary.failed.length ? `; missed: ${summary.failed.join('; ')}` : ''}`);
  out.push(`elapsed ${fmt(results.elapsedS, 0)} s (limit 900 s at the default scale)`);
  return out.join('\n');
}

/** Every judged target of the run: the first comparison, the scale targets at the judged sizes, the audit runs. */
function summarise(results) {
  const { scale } = results;
  const judgedSizes = scale.sizes.filter((size) => scale.judgedSizes.includes(size.people));
  const atSize = (size) => `@ ${int(size.people)}`;
  const verdicts = [
    ...results.comparisons.slice(0, 1).flatMap((c) => [
      [TARGETS.throughputRatio.label, c.ratios.verdicts.throughput],
      [TARGETS.p50RatioPlain.label, c.ratios.verdicts.p50Plain],
      [TARGETS.p50RatioFloor.label, c.ratios.verdicts.p50Floor],
    ]),
    ...judgedSizes.flatMap((size) => [
      ...AGENCIES.map((agency) => [`${agency} ${TARGETS.agencyFloor.label} ${atSize(size)}`, size.verdicts?.agencyFloor?.[agency] ?? 'n/a']),
      [`${TARGETS.oursOverFloor.label} ${atSize(size)}`, size.verdicts?.oursOverFloor ?? 'n/a'],
    ]),
    [TARGETS.growth.label, scale.verdicts.growth],
    [TARGETS.growthUnloaded.label, scale.verdicts.growthUnloaded],
    [TARGETS.seqScan.label, scale.verdicts.seqScan],
    ...results.audit.runs.map((run) => [`${TARGETS.audit.label} (${run.processes} process${run.processes > 1 ? 'es' : ''})`, run.verdict]),
  ];
  return {
    total: verdicts.length,
    passed: verdicts.filter(([, v]) => v === 'PASS').length,
    failed: verdicts.filter(([, v]) => v !== 'PASS').map(([label, v]) => `${label} ${v}`),
  };
}

module.exports = { TARGETS, verdict, render, summarise };
