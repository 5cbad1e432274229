// What one "request" is for each measured target, with the check its answer must pass. Each
// factory returns `once()` for the load generator: it resolves `{ error }` (undefined when good).
const { AGENCIES } = require('@mash/shared');

/**
 * The triage query of one case: every subject with each agency's status, match confidences and
 * flag codes, and the case picture (per-subject agency states and the cross-agency findings).
 */
const TRIAGE = `query Triage($id: ID!) { case(id: $id) {
  picture { subjects { subjectId agencies { agency state } } findings { code status subjectIds } }
  subjects { id
  police { status matches { confidence } flags { code } }
  socialCare { status matches { confidence } flags { code } }
  health { status matches { confidence } flags { code } }
  education { status matches { confidence } flags { code } } } } }`;
const AGENCY_FIELDS = ['police', 'socialCare', 'health', 'education'];
const HUB_ONLY = 'query Hub($id: ID!) { case(id: $id) { subjects { id } } }';

/** Checks a triage answer: no errors, three subjects, every agency field present. */
function triageError(response) {
  if (response.status !== 200) return `HTTP ${response.status}: ${response.text.slice(0, 200)}`;
  const body = response.json;
  if (!body) return 'not JSON';
  if (body.errors?.length) return `errors: ${body.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`).join(' | ')}`;
  const subjects = body.data?.case?.subjects;
  if (!Array.isArray(subjects) || subjects.length !== 3) return 'not three subjects';
  if (body.data.case.picture?.subjects?.length !== 3) return 'no case picture';
  for (const subject of subjects) for (const field of AGENCY_FIELDS) if (!subject[field]?.status) return `${field} missing`;
  return undefined;
}

function createTargets(client) {
  /** The triage query through a gateway (ours with the user's token, plain with none). */
  function triage(port, headers, variables) {
    const body = JSON.stringify({ query: TRIAGE, variables });
    return async () => ({ error: triageError(await client.postJson(`http://127.0.0.1:${port}/graphql`, body, headers)) });
  }

  /** The hub's part alone (the case and its subjects' ids, no agency field): gateway plus hub cost. */
  function hubOnly(port, headers, variables) {
    const body = JSON.stringify({ query: HUB_ONLY, variables });
    return async () => {
      const response = await client.postJson(`http://127.0.0.1:${port}/graphql`, body, headers);
      if (response.status !== 200 || response.json?.errors?.length || response.json?.data?.case?.subjects?.length !== 3) return { error: response.text.slice(0, 200) };
      return {};
    };
  }

  /** The floor: the agencies' captured `_entities` requests sent directly, in parallel; latency = slowest. */
  function floor(fetches, grants, agencies = AGENCIES) {
    const bodies = agencies.map((agency) => JSON.stringify({ query: fetches[agency].query, variables: fetches[agency].variables, operationName: fetches[agency].operationName ?? undefined }));
    return async () => {
      // Fresh single-use grants, minted before the clock starts: the floor is the agencies' time.
      const tokens = await Promise.all(agencies.map((agency) => grants.mint(agency, fetches[agency].variables.representations)));
      const sentNs = process.hrtime.bigint();
      const responses = await Promise.all(
        agencies.map((agency, index) => client.postJson(fetches[agency].url, bodies[index], { authorization: `Bearer ${tokens[index]}` })),
      );
      for (const [index, response] of responses.entries()) {
        const agency = agencies[index];
        if (response.status !== 200) return { error: `${agency} HTTP ${response.status}`, sentNs };
        if (response.json?.errors?.length) return { error: `${agency}: ${response.json.errors[0].message}`, sentNs };
        const entities = response.json?.data?._entities;
        if (!Array.isArray(entities) || entities.length !== fetches[agency].variables.representations.length || entities.some((entity) => !entity)) {
          return { error: `${agency}: incomplete _entities`, sentNs };
        }
      }
      return { sentNs };
    };
  }

  return { triage, hubOnly, floor };
}

module.exports = { TRIAGE, triageError, createTargets };
