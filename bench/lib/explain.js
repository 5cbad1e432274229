// The query plan of each agency's candidate (blocking) query for the RED case's subjects. The SQL
// is not rewritten here: the agency's own `findCandidates` is called with a stand-in data source
// that records the first statement it would send and stops, so the plan is of exactly what the
// agency runs. The plan is then taken with EXPLAIN (ANALYZE, BUFFERS) on the agency's database.
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { subjectFacts } = require('@mash/shared');

const root = path.resolve(__dirname, '../..');
const STOP = Symbol('captured');

/** The agency's exported `findCandidates`, wherever under dist/matching it lives. */
function findCandidatesOf(agency) {
  const dir = path.join(root, 'subgraphs', agency, 'dist', 'matching');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.js')) : [];
  files.sort((a, b) => (a === 'candidates.js' ? -1 : b === 'candidates.js' ? 1 : a.localeCompare(b)));
  for (const file of files) {
    const full = path.join(dir, file);
    if (!fs.readFileSync(full, 'utf8').includes('findCandidates')) continue;
    const exported = require(full).findCandidates;
    if (typeof exported === 'function') return exported;
  }
  throw new Error(`no findCandidates export under subgraphs/${agency}/dist/matching`);
}

/** The first SQL statement (and its parameters) the agency's candidate selection sends. */
async function captureCandidateQuery(agency, representations) {
  let captured;
  const recorder = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'query') {
          return async (sql, params) => {
            captured = { sql, params: params ?? [] };
            throw STOP;
          };
        }
        if (property === 'then') return undefined;
        return () => {
          throw new Error(`candidate selection used dataSource.${String(property)} before any query; cannot capture its SQL`);
        };
      },
    },
  );
  const subjects = representations.map((representation) => ({ ...representation, ...subjectFacts(representation) }));
  try {
    await findCandidatesOf(agency)(recorder, subjects);
  } catch (error) {
    if (error !== STOP) throw error;
  }
  if (!captured) throw new Error(`${agency}: findCandidates sent no query`);
  return captured;
}

function walk(node, visit) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the captured query, run twice (the second, warm, is reported). */
async function explainCandidates({ agency, databaseUrl, representations }) {
  const { sql, params } = await captureCandidateQuery(agency, representations);
  const table = /\bFROM\s+("?[\w.]+"?)/i.exec(sql)?.[1]?.replace(/"/g, '') ?? null;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
    const [{ 'QUERY PLAN': [json] }] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)).rows;
    const text = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((row) => row['QUERY PLAN']).join('\n');
    const nodes = [];
    walk(json.Plan, (node) => nodes.push({ type: node['Node Type'], relation: node['Relation Name'] ?? null, index: node['Index Name'] ?? null }));
    const seqScans = nodes.filter((node) => node.type === 'Seq Scan');
    return {
      agency,
      table,
      sql,
      params,
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

module.exports = { explainCandidates, captureCandidateQuery };
