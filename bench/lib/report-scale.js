// The printed scale and memory sections: each figure with how it was measured.
const { AGENCIES } = require('@mash/shared');
const { errorsCell, fmt, int, table } = require('./format');
const { TICK_MS } = require('./cpu');
const { TARGETS, bound } = require('./verdicts');

const at = (people) => `@ ${int(people)}`;
const less = (a, b) => (a != null && b != null ? fmt(a - b) : '-');

function scaleSection(scale) {
  const out = [];
  const { concurrency, durationS, warmupS, unloadedS } = scale.settings;
  const judged = (size) => scale.judgedSizes.includes(size.people);
  out.push(
    `Scale: after each top-up (bulk seed${scale.note ? `; ${scale.note}` : ''}; then VACUUM (ANALYZE) of each agency database and a CHECKPOINT, as a DBA would after a bulk load, unless --skip-analyze), ours at concurrency ${concurrency} for ${durationS} s after ${warmupS} s warm-up, ` +
      `then at concurrency 1 ours, the floor (four agency fetches in parallel, latency = slowest) and each agency's floor alone, ${unloadedS} s each after 1 s warm-up`,
  );
  out.push(
    table(
      ['people/agency', 'top-up s', 'persons (police/sc/health/edu)', 'c16 req/s', 'c16 p50 ms', 'c16 p99 ms', 'errors', 'c1 ours p50', 'c1 floor p50', 'ours - floor ms', 'c1 errors', 'seq scan'],
      scale.sizes.map((size) => [
        int(size.people),
        size.topUpS === null ? '-' : fmt(size.topUpS, 0),
        size.personRows ? Object.values(size.personRows).map(int).join(' / ') : '-',
        fmt(size.run.throughput, 1),
        fmt(size.run.p50),
        fmt(size.run.p99),
        errorsCell(size.run),
        fmt(size.unloaded?.ours?.p50),
        fmt(size.unloaded?.floor?.p50),
        fmt(size.oursOverFloorMs),
        size.unloaded ? int([size.unloaded.ours, size.unloaded.floor].reduce((sum, run) => sum + (run?.errors ?? 0), 0)) : '-',
        !size.plans ? '-' : size.plans.some((plan) => plan.seqScanOnPersonTable) ? 'YES' : size.plans.some((plan) => plan.error) ? 'not captured' : 'none',
      ]),
    ),
  );
  out.push('');
  out.push(
    `Each agency's floor at concurrency 1: its captured _entities fetch (the RED case's 3 subjects) sent straight to it with a valid grant, ${unloadedS} s after 1 s warm-up; ` +
      'candidate rows = actual rows of its own candidate query for the same subjects (EXPLAIN ANALYZE, warm); judged at the smallest and largest size',
  );
  const rows = scale.sizes.flatMap((size) =>
    AGENCIES.map((agency) => {
      const run = size.unloaded?.agencies?.[agency];
      const plan = size.plans?.find((candidate) => candidate.agency === agency);
      return [
        int(size.people),
        agency,
        fmt(run?.p50),
        fmt(run?.p99),
        int(run?.requests),
        errorsCell(run),
        plan?.error ? 'not captured' : int(plan?.rows),
        plan?.error ? '-' : fmt(plan?.executionMs, 3),
        bound(TARGETS.agencyFloor),
        judged(size) ? (size.verdicts?.agencyFloor?.[agency] ?? 'n/a') : 'info',
      ];
    }),
  );
  out.push(table(['people/agency', 'agency', 'p50 ms', 'p99 ms', 'requests', 'errors', 'candidate rows', 'candidate query ms', 'target', 'result'], rows));
  out.push('');
  const cpuTable = cpuSection(scale);
  if (cpuTable) out.push(cpuTable, '');
  const layered = scale.sizes.filter((size) => size.layers);
  if (layered.length) {
    out.push(
      `Where each agency's floor goes, at concurrency 1 (p50 ms, ${scale.settings.layersS} s each after 1 s warm-up, one agency at a time): ` +
        'append = the disclosure-log append alone (3 rows and the grant\'s claim, one durable commit, from the bench process through the agency\'s own prepared-statement store); ' +
        'pipeline = the same subjects answered by the shared pipeline in the bench process on the agency\'s database (candidates, matching, records, views, that append), with no HTTP, GraphQL or grant check; ' +
        'floor = the service over HTTP (above). floor - pipeline = what the service\'s HTTP, grant check and GraphQL add. ' +
        'pipeline CPU = the bench process\'s CPU per pipeline answer and postgres CPU = the database server\'s for it (as the CPU table above reads them)',
    );
    out.push(
      table(
        ['people/agency', 'agency', 'append p50', 'pipeline p50', 'floor p50', 'pipeline - append', 'floor - pipeline', 'pipeline CPU', 'postgres CPU', 'errors'],
        layered.flatMap((size) =>
          AGENCIES.map((agency) => {
            const layers = size.layers[agency];
            const floor = size.unloaded?.agencies?.[agency]?.p50;
            return [int(size.people), agency, fmt(layers?.append?.p50), fmt(layers?.pipeline?.p50), fmt(floor), less(layers?.pipeline?.p50, layers?.append?.p50), less(floor, layers?.pipeline?.p50), fmt(layers?.pipeline?.cpuMsPerRequest?.bench), fmt(layers?.pipeline?.cpuMsPerRequest?.postgres), int((layers?.append?.errors ?? 0) + (layers?.pipeline?.errors ?? 0))];
          }),
        ),
      ),
    );
    out.push('');
  }
  out.push(
    table(
      ['target', 'value', 'target', 'result'],
      [
        [TARGETS.growth.label, fmt(scale.growth, 3), bound(TARGETS.growth), scale.verdicts.growth],
        [TARGETS.growthUnloaded.label, fmt(scale.growthUnloaded, 3), bound(TARGETS.growthUnloaded), scale.verdicts.growthUnloaded],
        ...scale.sizes.filter(judged).map((size) => [`${TARGETS.oursOverFloor.label} ${at(size.people)}`, fmt(size.oursOverFloorMs), bound(TARGETS.oursOverFloor), size.verdicts?.oursOverFloor ?? 'n/a']),
        [TARGETS.seqScan.label, scale.largestSeqScan ?? '-', 'none', scale.verdicts.seqScan],
      ],
    ),
  );
  const largest = scale.sizes[scale.sizes.length - 1];
  if (largest?.plans) {
    out.push('');
    out.push(`Candidate query plans at ${int(largest.people)} people per agency (the agency adapter's own SQL for the RED subjects, its generic plan as the agency's store runs it; EXPLAIN (ANALYZE, BUFFERS) EXECUTE, warm):`);
    for (const plan of largest.plans) {
      if (plan.error) {
        out.push(`-- ${plan.agency}: could not capture: ${plan.error}`);
        continue;
      }
      const seqScans = plan.seqScans.length ? `; seq scans: ${plan.seqScans.join(', ')}` : '';
      out.push(`-- ${plan.agency} (${plan.table}): ${plan.keys} blocking keys, ${plan.rows} candidate rows, ${fmt(plan.executionMs, 3)} ms; nodes: ${plan.nodeTypes.join(', ')}${seqScans}`);
      out.push(plan.plan.split('\n').map((line) => `   ${line}`).join('\n'));
    }
  }
  return out.join('\n');
}

const CPU_COLUMNS = [...AGENCIES, 'gateway', 'plain', 'postgres', 'bench'];

/**
 * A table of CPU per request (cpu.js) for `runs` (`[first cells, cpuMsPerRequest]`), with how it
 * was read; null when no run has figures.
 */
function cpuTable(headings, runs) {
  const rows = runs.filter(([, cpu]) => cpu).map(([cells, cpu]) => [...cells, ...CPU_COLUMNS.map((column) => fmt(cpu[column])), fmt(CPU_COLUMNS.reduce((sum, column) => sum + (cpu[column] ?? 0), 0))]);
  if (rows.length === 0) return null;
  return [
    'CPU per request of the concurrency-1 runs above (ms): utime + stime from /proc/<pid>/stat of each service, of every postgres process together (backends, WAL writer and the rest) and of the bench process ' +
      '(its client and, for the floor, minting each grant before the request is sent), read after the warm-up and after the measured requests, divided by their number; ' +
      `clock ticks of ${TICK_MS} ms, so a figure resolves to about ${TICK_MS} ms / requests (an idle service shows a few hundredths: its timers). Where the total is more than the p50, the processes worked on more than one core at once`,
    table([...headings, ...CPU_COLUMNS, 'total'], rows),
  ].join('\n');
}

/** The scale's concurrency-1 runs at each size: ours, the floor and each agency's floor alone. */
function cpuSection(scale) {
  return cpuTable(
    ['people/agency', 'run'],
    scale.sizes.flatMap((size) =>
      ['ours', 'floor', ...AGENCIES].map((name) => [[int(size.people), name], (name === 'ours' || name === 'floor' ? size.unloaded?.[name] : size.unloaded?.agencies?.[name])?.cpuMsPerRequest]),
    ),
  );
}

function memorySection(results) {
  const sizes = results.scale?.sizes ?? [];
  const atEnd = results.memory?.atEnd ?? {};
  const names = [...new Set([...Object.keys(atEnd), ...sizes.flatMap((size) => Object.keys(size.memory ?? {}))])];
  if (names.length === 0) return 'Resident memory, server mode: not read';
  return [
    'Resident memory, server mode (/proc/<pid>/status: VmRSS after each size\'s runs; peak = VmHWM, the most resident since the process started, read after the last run before the services stop)',
    table(
      ['service', ...sizes.map((size) => `RSS MiB ${at(size.people)}`), 'RSS MiB at end', 'peak MiB'],
      names.map((name) => [name, ...sizes.map((size) => fmt(size.memory?.[name]?.rssMiB, 1)), fmt(atEnd[name]?.rssMiB, 1), fmt(atEnd[name]?.peakMiB, 1)]),
    ),
  ].join('\n');
}

function embeddedSection(embedded) {
  if (!embedded) return 'Resident memory, embedded mode: skipped (--skip-embedded)';
  const head = `Resident memory, embedded mode (${embedded.method}; /proc/<pid>/status of start.js and each child, read when the "ready" line came)`;
  if (embedded.error) return `${head}\nFAILED: ${embedded.error}`;
  return [
    `${head}: ready after ${fmt(embedded.readyS, 1)} s`,
    table(
      ['process', 'pid', 'RSS MiB', 'peak MiB'],
      [
        ['start.js', '-', fmt(embedded.startJs?.rssMiB, 1), fmt(embedded.startJs?.peakMiB, 1)],
        ...embedded.services.map((service) => [service.name, service.pid, fmt(service.rssMiB, 1), fmt(service.peakMiB, 1)]),
        ['total (sum of RSS)', '', fmt(embedded.totalRssMiB, 1), ''],
      ],
    ),
  ].join('\n');
}

module.exports = { cpuTable, scaleSection, memorySection, embeddedSection };
