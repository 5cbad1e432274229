#!/usr/bin/env node
// Prints each subgraph's SDL from its code, composes the supergraph with @apollo/composition, and
// writes both (committed files the gateway serves). `--check` writes nothing and exits 1 if stale.
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { parse, printSchema } = require('graphql');
const { composeServices } = require('@apollo/composition');
const { Supergraph } = require('@apollo/federation-internals');
const { printSubgraphSchema } = require('@apollo/subgraph');
const { buildAgencySchema } = require('@mash/shared');

const root = path.resolve(__dirname, '..');
const SUBGRAPHS = [
  { name: 'hub', url: 'local://hub', sdlFile: 'gateway/hub.graphql', build: () => require(path.join(root, 'gateway/dist/hub/schema')).buildHubSchema() },
  // The case picture: in the gateway process, computed from the agencies' answers (gateway/src/picture).
  { name: 'picture', url: 'local://picture', sdlFile: 'gateway/picture.graphql', build: () => require(path.join(root, 'gateway/dist/picture/schema')).buildPictureSchema() },
  ...[['police', 4001], ['social-care', 4002], ['health', 4003], ['education', 4004]].map(([name, port]) => ({
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    sdlFile: `subgraphs/${name}/schema.graphql`,
    build: () => buildAgencySchema(require(path.join(root, `subgraphs/${name}/dist/adapter`)).adapter),
  })),
];
const SUPERGRAPH_FILE = 'gateway/supergraph.graphql';
/** The schema clients see (the supergraph without its federation machinery): the screens' typed documents are generated from it. */
const API_SCHEMA_FILE = 'gateway/api.graphql';

function apiSchema(supergraphSdl) {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()) + '\n';
}

/** SDL of every subgraph as its code prints it now. */
async function printSubgraphs() {
  const printed = [];
  for (const subgraph of SUBGRAPHS) printed.push({ ...subgraph, sdl: printSubgraphSchema(await subgraph.build()) + '\n' });
  return printed;
}

function compose(subgraphs) {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  // A shared type (Flag, Associate, MatchCandidate) classified differently by two agencies would
  // compose with a hint only, keeping one of the levels: refuse it, the classification is the agreement's.
  const sensitivity = (result.hints ?? []).filter((hint) => hint.message.includes('@sensitivity'));
  if (sensitivity.length) throw new Error(`agencies classify a shared field differently:\n${sensitivity.map((hint) => `- ${hint.message}`).join('\n')}`);
  return result.supergraphSdl + '\n';
}

/** Files whose committed content differs from what the code produces now. */
async function staleFiles() {
  const printed = await printSubgraphs();
  const supergraph = compose(printed);
  const expected = [...printed.map(({ sdlFile, sdl }) => [sdlFile, sdl]), [SUPERGRAPH_FILE, supergraph], [API_SCHEMA_FILE, apiSchema(supergraph)]];
  return expected.filter(([file, content]) => !fs.existsSync(path.join(root, file)) || fs.readFileSync(path.join(root, file), 'utf8') !== content).map(([file]) => file);
}

async function main() {
  const printed = await printSubgraphs();
  const supergraph = compose(printed);
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(`stale (run npm run compose): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('supergraph, API schema and subgraph SDL are up to date');
    return;
  }
  for (const { sdlFile, sdl } of printed) fs.writeFileSync(path.join(root, sdlFile), sdl);
  fs.writeFileSync(path.join(root, SUPERGRAPH_FILE), supergraph);
  fs.writeFileSync(path.join(root, API_SCHEMA_FILE), apiSchema(supergraph));
  console.log(`wrote ${printed.map(({ sdlFile }) => sdlFile).join(', ')}, ${SUPERGRAPH_FILE}, ${API_SCHEMA_FILE}`);
}

module.exports = { printSubgraphs, compose, apiSchema, staleFiles, SUBGRAPHS, SUPERGRAPH_FILE, API_SCHEMA_FILE };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
