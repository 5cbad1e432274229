// Where one agency fetch's time goes, at concurrency 1, for the RED case's subjects: beside each
// agency's floor (its `_entities` fetch over HTTP, measured in compare.js), the same subjects
// answered by the shared pipeline in this process on the agency's own database, with no HTTP,
// GraphQL or grant check (`answerSubjects`, every statement the service sends: candidates, the
// matched records, the disclosure-log append with the grant's claim), and that append alone (three
// rows and the claim, one durable commit: `recordDisclosures`). The differences say what the
// database costs, what the pipeline adds, and what the service's HTTP and GraphQL layers add.
const { randomUUID } = require('node:crypto');
const { GraphQLError } = require('graphql');
const {
  AGENCIES, agencyConfigFromEnv, agencyEntities, agencyStore, answerSubjects, databaseReplayCache, openDatabase, PendingClaim, recordDisclosures,
} = require('@mash/shared');
const { closedLoopRaw, merge } = require('./load');
const { TRIAGE_PURPOSE } = require('./grants');

const adapterOf = (agency) => require(`@mash/${agency}`).adapter;

/** A grant's claims as the agency's verifier would read them, fresh (never used) for each call. */
function freshGrant(agency, run) {
  const { redCase, userId, obligations, policyVersions } = run.layerFacts;
  return {
    grantId: randomUUID(), agency, caseId: redCase.id, subjectIds: redCase.subjectIds, purpose: TRIAGE_PURPOSE,
    policyVersion: policyVersions[agency], userId, obligations: obligations[agency], expiresAt: new Date(Date.now() + 60_000),
  };
}

/** The pipeline's answer for the subjects, checked like the floor checks the service's: one view per subject, none an error. */
function answerError(answers, expected) {
  if (answers.length !== expected) return `${answers.length} answers for ${expected} subjects`;
  const failed = answers.find((answer) => answer instanceof GraphQLError || !answer?.status);
  return failed ? `a subject failed: ${failed.extensions?.code ?? failed.message ?? 'no status'}` : undefined;
}

/** The layers of one agency at the current size: `{ pipeline, append }`, each a concurrency-1 summary. */
async function layersOf(bench, run, agency) {
  const adapter = adapterOf(agency);
  const config = agencyConfigFromEnv(agency, adapter.defaultPort, bench.baseEnv);
  // Opened as the service opens it: generic plans, its own entities; no migrations (the service ran them).
  const database = await openDatabase({
    service: agency, url: bench.databases[agency.replace('-', '_')].url, entities: agencyEntities(adapter), migrations: adapter.migrations, genericPlans: true, poolSize: 4,
  });
  try {
    const store = agencyStore(database.dataSource);
    const replay = databaseReplayCache(store);
    const kit = { adapter, store, thresholds: config.thresholds, referenceDate: config.referenceDate, logger: silentLogger };
    const representations = run.fetches[agency].variables.representations;
    const claimed = (grant) => ({ requestId: `bench-layers-${randomUUID()}`, grant, claim: new PendingClaim(grant, replay) });
    const once = {
      pipeline: async () => {
        const request = claimed(freshGrant(agency, run));
        const sentNs = process.hrtime.bigint();
        return { error: answerError(await answerSubjects(kit, request, representations), representations.length), sentNs };
      },
      append: async () => {
        const request = claimed(freshGrant(agency, run));
        const disclosed = representations.map((subject) => ({ subjectId: subject.id, matchStatus: 'MATCHED', recordIds: [`bench-${subject.id}`] }));
        const sentNs = process.hrtime.bigint();
        await recordDisclosures(store, request, disclosed);
        return { sentNs };
      },
    };
    const result = {};
    for (const [name, target] of Object.entries(once)) {
      const raw = await closedLoopRaw({ once: target, concurrency: 1, durationMs: bench.settings.layersS * 1000, warmupMs: 1000 });
      result[name] = merge([raw]);
      delete result[name].segments;
    }
    bench.log(`  ${agency} layers at concurrency 1: pipeline in process p50 ${result.pipeline.p50} ms, disclosure append alone p50 ${result.append.p50} ms${result.pipeline.errors ? `, errors ${result.pipeline.errors} (${result.pipeline.firstError})` : ''}`);
    return result;
  } finally {
    await database.close();
  }
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, child() { return silentLogger; } };

/** Every agency's layers, one after another (each alone on the machine but for the idle services). */
async function agencyLayers(bench, run) {
  const layers = {};
  for (const agency of AGENCIES) layers[agency] = await layersOf(bench, run, agency);
  return layers;
}

module.exports = { agencyLayers };
