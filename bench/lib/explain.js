// The query plan of each agency's candidate (blocking) query for the RED case's subjects. The SQL
// is not rewritten here: the agency's own adapter (`require('@mash/<agency>').adapter`) is asked
// for its candidates with the keys the shared pipeline would compute, over a stand-in store that
// records the first statement it is sent and stops, so the plan is of exactly what the agency
// runs. The plan is then taken with EXPLAIN (ANALYZE, BUFFERS) on the agency's database.
const { Client } = require('pg');
const { prepareValue } = require('pg/lib/utils');
const { batchBlockingKeys, checkSubject } = require('@mash/shared');

const STOP = Symbol('captured');

/** The agency's adapter, as its package exports it (package main: dist/adapter.js). */
function adapterOf(agency) {
  const exported = require(`@mash/${agency}`).adapter;
  if (typeof exported?.findCandidates !== 'function') throw new Error(`@mash/${agency} exports no adapter with findCandidates (not ported to the agency kit?)`);
  return exported;
}

/** The blocking keys the pipeline sends for these representations: `batchBlockingKeys` of the checked subjects. */
function blockingKeysOf(representations) {
  const subjects = representations.map((representation) => {
    const facts = checkSubject(representation);
    if (facts instanceof Error) throw new Error(`subject ${representation.id} fails the subject check: ${facts.message}`);
    return facts;
  });
  return batchBlockingKeys(subjects);
}

/** The first SQL statement (and its parameters) the agency's candidate selection sends. */
async function captureCandidateQuery(agency, representations) {
  let captured;
  const store = {
    async query(sql, params) {
      captured ??= { sql, params: [...(params ?? [])] };
      throw STOP;
    },
  };
  const keys = blockingKeysOf(representations);
  try {
    await adapterOf(agency).findCandidates(store, keys);
  } catch (error) {
    if (error !== STOP) throw error;
  }
  if (!captured) throw new Error(`${agency}: findCandidates sent no query`);
  return { ...captured, keys: keys.length };
}

/**
 * The table of the statement's outermost FROM: the person table the candidates come from. A
 * subquery in the select list (police aliases) has its own FROM, nested in parentheses, skipped.
 */
function mainTable(sql) {
  let depth = 0;
  for (let index = 0; index < sql.length; index += 1) {
    const char = sql[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && /^\bFROM\s/i.test(sql.slice(index, index + 5)) && !/\w/.test(sql[index - 1] ?? '')) {
      return /^FROM\s+("?[\w.]+"?)/i.exec(sql.slice(index))?.[1]?.replace(/"/g, '') ?? null;
    }
  }
  return null;
}

function walk(node, visit) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** A parameter value as a SQL literal, in the text form `pg` would send it (arrays as array literals). */
function literal(client, value) {
  const text = prepareValue(value);
  return text === null ? 'NULL' : client.escapeLiteral(String(text));
}

/** EXPLAIN (ANALYZE, BUFFERS) of the captured query, run twice (the second, warm, is reported). */
async function explainCandidates({ agency, databaseUrl, representations }) {
  const { sql, params, keys } = await captureCandidateQuery(agency, representations);
  const table = mainTable(sql);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The plan the agency runs: its store prepares every statement and plans it once, without the
    // values (plan_cache_mode = force_generic_plan, packages/shared/src/agency/store.ts). EXPLAIN
    // of the statement with its values would show a plan made for them instead, so the statement
    // is prepared here too and EXPLAIN EXECUTE shows the generic plan, values given as literals.
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE mash_candidates AS ${sql}`);
    const execute = `EXECUTE mash_candidates(${params.map((value) => literal(client, value)).join(', ')})`;
    await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${execute}`);
    const [{ 'QUERY PLAN': [json] }] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${execute}`)).rows;
    const text = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${execute}`)).rows.map((row) => row['QUERY PLAN']).join('\n');
    const nodes = [];
    walk(json.Plan, (node) => nodes.push({ type: node['Node Type'], relation: node['Relation Name'] ?? null, index: node['Index Name'] ?? null }));
    const seqScans = nodes.filter((node) => node.type === 'Seq Scan');
    return {
      agency,
      table,
      sql,
      params,
      keys,
      rows: json.Plan['Actual Rows'],
      executionMs: json['Execution Time'],
      planningMs: json['Planning Time'],
      nodeTypes: [...new Set(nodes.map((node) => node.type))],
      indexes: [...new Set(nodes.map((node) => node.index).filter(Boolean))],
      seqScanOnPersonTable: seqScans.some((node) => node.relation === table),
      seqScans: seqScans.map((node) => node.relation),
      plan: text,
    };
  } finally {
    await client.end();
  }
}

module.exports = { explainCandidates, captureCandidateQuery, mainTable };
