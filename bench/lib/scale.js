// People per agency: bulk top-ups, row counts and the candidate query plans.
const path = require('node:path');
const { AGENCIES } = require('@mash/shared');
const { query } = require('./databases');
const { explainCandidates } = require('./explain');
const { round } = require('./load');
const { runNode, lastJsonLine } = require('./procs');

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

/** Fresh planner statistics after a bulk load (what a DBA does; autovacuum would get there later). */
async function analyze(bench) {
  await Promise.all(AGENCIES.map((agency) => query(agencyUrl(bench, agency), 'ANALYZE')));
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

module.exports = { bulkCliPath, topUp, analyze, personRows, plans };
