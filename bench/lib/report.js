// The printed table: every figure, and next to each target the measured value and PASS / FAIL.

const TARGETS = {
  throughputRatio: { label: 'ours / plain throughput', op: '>=', value: 0.85 },
  p50RatioPlain: { label: 'ours / plain p50', op: '<=', value: 1.15 },
  p50RatioFloor: { label: 'ours / floor p50', op: '<=', value: 1.5 },
  growth: { label: 'p50 growth smallest -> largest', op: '<=', value: 1.3 },
  seqScan: { label: 'seq scan on a person table (largest)', op: '==', value: 'none' },
  audit: { label: 'audit appends/s, chain verified', op: '>=', value: 2000 },
};

function verdict(target, value) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (target.op === '>=') return value >= target.value ? 'PASS' : 'FAIL';
  if (target.op === '<=') return value <= target.value ? 'PASS' : 'FAIL';
  return value === target.value ? 'PASS' : 'FAIL';
}

const fmt = (value, digits = 2) => (value === null || value === undefined ? '-' : typeof value === 'number' ? value.toFixed(digits) : String(value));
const int = (value) => (value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-GB'));

function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function loadRow(name, run) {
  const errors = run.errors ? `${run.errors} (ERRORS)` : '0';
  return [name, fmt(run.throughput, 1), fmt(run.p50), fmt(run.p95), fmt(run.p99), int(run.requests), errors];
}

function comparisonSection(comparison) {
  const { ours, plain, floor, ratios, people, settings } = comparison;
  return [
    `Triage query of the RED case (3 subjects x 4 agencies) at ${int(people)} people per agency: concurrency ${settings.concurrency}, ` +
      `${settings.durationS} s each, interleaved in ${settings.rounds} rounds (${settings.warmupS} s warm-up each, ${settings.segmentWarmupS} s per segment)`,
    table(
      ['', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors'],
      [
        loadRow('ours', ours),
        loadRow('plain', plain),
        loadRow('floor', floor),
        ...Object.keys(comparison.unloaded ?? {}).map((name) => loadRow(`${name} (concurrency 1, ${settings.unloadedS} s)`, comparison.unloaded[name])),
      ],
    ),
    '',
    table(
      ['ratio', 'value', 'target', 'result'],
      [
        [TARGETS.throughputRatio.label, fmt(ratios.throughput), `>= ${TARGETS.throughputRatio.value}`, ratios.verdicts.throughput],
        [TARGETS.p50RatioPlain.label, fmt(ratios.p50Plain), `<= ${TARGETS.p50RatioPlain.value}`, ratios.verdicts.p50Plain],
        [TARGETS.p50RatioFloor.label, fmt(ratios.p50Floor), `<= ${TARGETS.p50RatioFloor.value}`, ratios.verdicts.p50Floor],
        ['ours / floor throughput', fmt(ratios.throughputFloor), '-', '-'],
      ],
    ),
  ].join('\n');
}

function render(results) {
  const out = [];
  const m = results.machine;
  out.push(`MASH bench ${results.startedAt}  commit ${m.commit}${m.dirty ? ' (uncommitted changes)' : ''}`);
  out.push(`machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGiB} GiB, node ${m.node}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart.join(' ')}, at end ${results.loadAverageAtEnd?.join(' ') ?? '-'}`);
  out.push('');
  for (const comparison of results.comparisons) {
    out.push(comparisonSection(comparison));
    out.push('');
  }
  if (results.sameAnswer !== undefined) out.push(`ours and plain return the same data for the triage query: ${results.sameAnswer ? 'yes' : 'NO'}`);
  out.push(`plain gateway grants: one per agency, re-minted every ${results.plainGrantRemintS} s in the background (a grant lives at most 60 s)`);
  out.push('');

  const scale = results.scale;
  out.push(`Scale: ours, concurrency ${scale.settings.concurrency}, ${scale.settings.durationS} s after ${scale.settings.warmupS} s warm-up${scale.note ? ` (${scale.note})` : ''}`);
  out.push(
    table(
      ['people/agency', 'top-up s', 'persons (police/sc/health/edu)', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'c=1 p50', 'c=1 p99', 'seq scan'],
      scale.sizes.map((size) => [
        int(size.people),
        size.topUpS === null ? '-' : fmt(size.topUpS, 0),
        size.personRows ? Object.values(size.personRows).map(int).join(' / ') : '-',
        fmt(size.run.throughput, 1),
        fmt(size.run.p50),
        fmt(size.run.p99),
        size.run.errors ? `${size.run.errors} (ERRORS)` : '0',
        fmt(size.unloaded?.p50),
        fmt(size.unloaded?.p99),
        size.plans ? (size.plans.some((plan) => plan.seqScanOnPersonTable) ? 'YES' : 'none') : '-',
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['target', 'value', 'target', 'result'],
      [
        [TARGETS.growth.label, fmt(scale.growth), `<= ${TARGETS.growth.value}`, scale.verdicts.growth],
        ['p50 growth at concurrency 1 (information)', fmt(scale.growthUnloaded), '-', '-'],
        [TARGETS.seqScan.label, scale.largestSeqScan ?? '-', 'none', scale.verdicts.seqScan],
      ],
    ),
  );
  const largest = scale.sizes[scale.sizes.length - 1];
  if (largest?.plans) {
    out.push('');
    out.push(`Candidate query plans at ${int(largest.people)} people per agency (EXPLAIN (ANALYZE, BUFFERS), warm):`);
    for (const plan of largest.plans) {
      if (plan.error) {
        out.push(`-- ${plan.agency}: could not capture: ${plan.error}`);
        continue;
      }
      out.push(`-- ${plan.agency} (${plan.table}): ${plan.rows} candidate rows, ${fmt(plan.executionMs, 3)} ms; nodes: ${plan.nodeTypes.join(', ')}`);
      out.push(plan.plan.split('\n').map((line) => `   ${line}`).join('\n'));
    }
  }
  out.push('');

  const audit = results.audit;
  out.push(`Audit log throughput: AuditLog.append, ${audit.settings.durationS} s, concurrency ${audit.settings.concurrency} per process`);
  out.push(
    table(
      ['processes', 'entries', 'entries/s', 'append p50 ms', 'append p99 ms', 'errors', 'target', 'result'],
      audit.runs.map((run) => [run.processes, int(run.entries), int(run.perSecond), fmt(run.p50), fmt(run.p99), run.errors, `>= ${TARGETS.audit.value}`, run.verdict]),
    ),
  );
  out.push(`chain verified afterwards: ${audit.verify.ok ? 'ok' : `BROKEN at ${audit.verify.firstBroken?.seq}`} (${int(audit.verify.entries)} entries in ${fmt(audit.verify.seconds, 1)} s)`);
  out.push('');
  if (results.micro) {
    out.push(`Per-operation costs (one process): grant mint ${fmt(results.micro.mintUs, 1)} us, grant verify ${fmt(results.micro.verifyUs, 1)} us`);
    out.push('');
  }
  out.push(`Summary: ${results.summary.passed}/${results.summary.total} targets met${results.summary.failed.length ? `; missed: ${results.summary.failed.join('; ')}` : ''}`);
  out.push(`elapsed ${fmt(results.elapsedS, 0)} s (limit 900 s at the default scale)`);
  return out.join('\n');
}

module.exports = { TARGETS, verdict, render };
