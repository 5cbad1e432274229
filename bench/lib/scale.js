// People per agency: bulk top-ups, row counts, our p50/p99, each agency's floor at concurrency 1,
// the candidate query plans and each service's memory, at every size; then the scale targets.
const fs = require('node:fs');
const path = require('node:path');
const { AGENCIES } = require('@mash/shared');
const { compare, measure, unloadedAtSize } = require('./compare');
const { query } = require('./databases');
const { captureCandidateQuery, explainCandidates, mainTable } = require('./explain');
const { agencyLayers } = require('./layers');
const { round } = require('./load');
const { servicesMemory } = require('./memory');
const { runNode, lastJsonLine } = require('./procs');
const { TARGETS, verdict } = require('./verdicts');

const agencyUrl = (bench, agency) => bench.databases[agency.replace('-', '_')].url;

function bulkCliPath(bench, agency) {
  return path.join(bench.root, 'subgraphs', agency, 'dist', 'seed', 'bulk-cli.js');
}

/** Tops every agency up to `people` filler people with its bulk CLI, `seedParallel` at a time. */
async function topUp(bench, people) {
  const results = {};
  const queue = [...AGENCIES];
  const worker = async () => {
    for (let agency = queue.shift(); agency; agency = queue.shift()) {
      bench.log(`  top-up ${agency} to ${people.toLocaleString('en-GB')}`);
      const run = await runNode({ entry: bulkCliPath(bench, agency), args: ['--people', String(people)], env: bench.baseEnv });
      if (run.code !== 0) throw new Error(`${agency} bulk seed failed (${run.code}): ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' / ')}`);
      results[agency] = { seconds: round(run.ms / 1000, 1), output: lastJsonLine(run.stdout) };
    }
  };
  const startedAt = Date.now();
  await Promise.all(Array.from({ length: Math.min(bench.settings.seedParallel, AGENCIES.length) }, worker));
  return { seconds: round((Date.now() - startedAt) / 1000, 1), agencies: results };
}

/**
 * After a bulk load, what a DBA does (and autovacuum would get to later): `VACUUM (ANALYZE)` each
 * agency's database, for fresh planner statistics, the rows' commit hints set and the visibility
 * map written, then one `CHECKPOINT`, so the dirty pages of the load are on disk. Measured without
 * it, the first minutes after a top-up of a million people include the load's own aftermath: every
 * page first read is dirtied by its hint bits and written back again, and a checkpoint spread over
 * minutes writes the load's pages while the requests are timed. Returns the seconds it took.
 */
async function settleDatabases(bench) {
  const started = Date.now();
  await Promise.all(AGENCIES.map((agency) => query(agencyUrl(bench, agency), 'VACUUM (ANALYZE)')));
  await query(agencyUrl(bench, AGENCIES[0]), 'CHECKPOINT');
  return round((Date.now() - started) / 1000, 1);
}

/** Rows in each agency's person table (the table its candidate query reads). */
async function personRows(bench, tables) {
  const counts = {};
  for (const agency of AGENCIES) {
    const table = tables[agency];
    counts[agency] = table ? Number((await query(agencyUrl(bench, agency), `SELECT count(*)::bigint AS n FROM ${table}`))[0].n) : null;
  }
  return counts;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each agency's candidate query for the RED subjects. */
async function plans(bench, representations) {
  const result = [];
  for (const agency of AGENCIES) {
    try {
      result.push(await explainCandidates({ agency, databaseUrl: agencyUrl(bench, agency), representations: representations[agency] }));
    } catch (error) {
      result.push({ agency, error: error.message, seqScanOnPersonTable: false });
    }
  }
  return result;
}

/** Verdict of a concurrency-1 figure: a run with errors fails whatever its latency. */
const judgedRun = (target, value, ...runs) => (runs.some((run) => !run || run.errors) ? (runs.every(Boolean) ? 'FAIL (errors)' : 'n/a') : verdict(target, value));

/** The issue's concurrency-1 targets at one size: each agency's floor, and ours minus the floor. */
function judgeUnloaded(entry) {
  const { ours, floor, agencies } = entry.unloaded;
  entry.oursOverFloorMs = ours?.p50 != null && floor?.p50 != null ? round(ours.p50 - floor.p50) : null;
  entry.verdicts = {
    agencyFloor: Object.fromEntries(AGENCIES.map((agency) => [agency, judgedRun(TARGETS.agencyFloor, agencies[agency]?.p50, agencies[agency])])),
    oursOverFloor: judgedRun(TARGETS.oursOverFloor, entry.oursOverFloorMs, ours, floor),
  };
}

/** `run` holds `{ auth, variables, fetches, grants }`; comparisons (smallest, --compare-largest) go to `results`. */
async function runScale(bench, run, services, results) {
  const { settings, log } = bench;
  const representations = Object.fromEntries(AGENCIES.map((agency) => [agency, run.fetches[agency].variables.representations]));
  const tables = {};
  for (const agency of AGENCIES) {
    const captured = await captureCandidateQuery(agency, representations[agency]).catch((error) => ({ error }));
    if (captured.error) log(`  ${agency}: candidate query not captured: ${captured.error.message}`);
    tables[agency] = captured.sql ? mainTable(captured.sql) : null;
  }
  const bulkCli = AGENCIES.every((agency) => fs.existsSync(bulkCliPath(bench, agency)));
  const scale = { settings: { concurrency: settings.concurrency, durationS: settings.scaleDurationS, warmupS: Math.min(2, settings.warmupS), unloadedS: settings.unloadedS, layersS: settings.layersS }, sizes: [] };
  if (!bulkCli) scale.note = 'bulk seed CLI not built: measured at the demo seed size only';
  const sizes = bulkCli ? settings.sizes : [null];
  const ours = bench.targets.triage(bench.ports.gateway, run.auth, run.variables);
  for (const [index, size] of sizes.entries()) {
    const entry = { people: size ?? settings.seedPeople, topUpS: null, topUp: null };
    if (size) {
      log(`scale: top-up to ${size.toLocaleString('en-GB')} people per agency`);
      entry.topUp = await topUp(bench, size);
      entry.topUpS = entry.topUp.seconds;
      if (!settings.skipAnalyze) {
        entry.settleS = await settleDatabases(bench);
        log(`  VACUUM (ANALYZE) and CHECKPOINT: ${entry.settleS} s`);
      }
    }
    entry.personRows = await personRows(bench, tables);
    log(`  person rows: ${JSON.stringify(entry.personRows)}`);
    if (index === 0) results.comparisons.push(await compare(bench, entry.people, run));
    entry.run = await measure(bench, `ours @ ${entry.people}`, ours, settings.scaleDurationS, scale.settings.warmupS);
    if (settings.unloadedS > 0) {
      log(`  concurrency 1 @ ${entry.people}: ours, floor, each agency's floor`);
      entry.unloaded = await unloadedAtSize(bench, run);
      judgeUnloaded(entry);
    }
    if (settings.layersS > 0) {
      log(`  layers @ ${entry.people}: each agency's pipeline in process and its disclosure append alone`);
      entry.layers = await agencyLayers(bench, run, (agency) => agencyUrl(bench, agency));
    }
    entry.plans = await plans(bench, representations);
    for (const plan of entry.plans) log(`  plan ${plan.agency}: ${plan.error ?? `${plan.rows} rows; ${plan.nodeTypes.join(', ')}; ${plan.executionMs} ms; seq scan on ${plan.table}: ${plan.seqScanOnPersonTable ? 'YES' : 'no'}`}`);
    entry.memory = servicesMemory(services);
    if (index === sizes.length - 1 && index > 0 && settings.compareLargest) results.comparisons.push(await compare(bench, entry.people, run));
    scale.sizes.push(entry);
  }
  judgeScale(scale);
  return scale;
}

/** Growth (at concurrency 16 and 1) and the query plans at the largest size; which sizes are judged. */
function judgeScale(scale) {
  const smallest = scale.sizes[0];
  const largest = scale.sizes[scale.sizes.length - 1];
  const growth = (of) => (scale.sizes.length > 1 && of(smallest)?.p50 && of(largest)?.p50 ? round(of(largest).p50 / of(smallest).p50, 3) : null);
  scale.growth = growth((size) => size.run);
  scale.growthUnloaded = growth((size) => size.unloaded?.ours);
  scale.largestSeqScan = largest.plans.some((plan) => plan.error) ? 'not captured' : largest.plans.some((plan) => plan.seqScanOnPersonTable) ? 'yes' : 'none';
  scale.judgedSizes = [...new Set([smallest.people, largest.people])];
  const judged = (value, target, clean) => (value === null ? 'n/a' : clean ? verdict(target, value) : 'FAIL (errors)');
  scale.verdicts = {
    growth: judged(scale.growth, TARGETS.growth, scale.sizes.every((size) => !size.run.errors)),
    growthUnloaded: judged(scale.growthUnloaded, TARGETS.growthUnloaded, scale.sizes.every((size) => !size.unloaded?.ours?.errors)),
    seqScan: verdict(TARGETS.seqScan, scale.largestSeqScan),
  };
}

module.exports = { bulkCliPath, topUp, settleDatabases, personRows, plans, runScale, judgeScale, judgeUnloaded };
