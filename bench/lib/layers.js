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
const { serially } = require('./compare');
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
async function layersOf(bench, run, agency, url) {
  const adapter = adapterOf(agency);
  const config = agencyConfigFromEnv(agency, adapter.defaultPort, bench.baseEnv);
  // Opened as the service opens it: generic plans, its own entities; no migrations (the service ran them).
  const database = await openDatabase({ service: agency, url, entities: agencyEntities(adapter), migrations: adapter.migrations, genericPlans: true, poolSize: 4 });
  try {
    const store = agencyStore(database.dataSource);
    const replay = databaseReplayCache(store);
    // The pipeline logs ids and codes only (a failed batch's error name and SQLSTATE): to the bench's log.
    const say = (event, fields) => bench.log(`  ${agency} ${event} ${JSON.stringify(fields ?? {})}`);
    const kit = { adapter, store, thresholds: config.thresholds, referenceDate: config.referenceDate, logger: { info() {}, warn: say, error: say } };
    const representations = run.fetches[agency].variables.representations;
    const claimed = (grant) => ({ requestId: `bench-layers-${randomUUID()}`, grant, claim: new PendingClaim(grant, replay) });
    const names = { pipeline: `${agency} pipeline in process`, append: `${agency} disclosure append alone` };
    const measured = await serially(bench, {
      [names.pipeline]: async () => {
        const request = claimed(freshGrant(agency, run));
        const sentNs = process.hrtime.bigint();
        return { error: answerError(await answerSubjects(kit, request, representations), representations.length), sentNs };
      },
      [names.append]: async () => {
        const request = claimed(freshGrant(agency, run));
        const disclosed = representations.map((subject) => ({ subjectId: subject.id, matchStatus: 'MATCHED', recordIds: [`bench-${subject.id}`] }));
        const sentNs = process.hrtime.bigint();
        await recordDisclosures(store, request, disclosed);
        return { sentNs };
      },
    }, bench.settings.layersS);
    return { pipeline: measured[names.pipeline], append: measured[names.append] };
  } finally {
    await database.close();
  }
}

/** Every agency's layers, one after another (each alone on the machine but for the idle services); `urlOf(agency)` is its database. */
async function agencyLayers(bench, run, urlOf) {
  const layers = {};
  for (const agency of AGENCIES) layers[agency] = await layersOf(bench, run, agency, urlOf(agency));
  return layers;
}

module.exports = { agencyLayers };
