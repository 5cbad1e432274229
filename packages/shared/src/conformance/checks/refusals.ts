import type { AgencyResponse } from '../client';
import { entitiesRequest, INTROSPECTION_REQUEST, probes, SERVICE_REQUEST, type GraphQLRequest } from '../queries';
import { person, withIdentifiers } from '../subjects';
import type { CheckResult } from '../types';
import { fail, notRefused, runCheck, type CheckContext } from './context';

/**
 * Check 1: without a valid grant, and beyond what a valid grant opens, the agency answers HTTP 401
 * with the one fixed body, whatever was wrong and whatever was asked (ARCHITECTURE.md, "The
 * external contract": it "reveals nothing, `_service` and `_entities` included").
 */
export async function refusalChecks(context: CheckContext): Promise<CheckResult[]> {
  const covered = withIdentifiers(person('C01'));
  const targets = probes(context.schema, context.agency, covered);
  const results: CheckResult[] = [];
  for (const bad of await context.grants.refused(covered)) {
    results.push(await runCheck('refusals', bad.name, async () => {
      const responses = await Promise.all(targets.map((probe) => context.client.post(probe.request, bad.token)));
      return expectAllRefused(targets.map((probe, i) => [probe.name, responses[i]]));
    }));
  }
  const { client, grants } = context;
  const triage = async (request: GraphQLRequest) => client.post(request, (await grants.triage([covered])).token);
  const other = withIdentifiers(person('C02'));
  const valid: [string, () => Promise<[string, AgencyResponse][]>][] = [
    ['valid grant: _service', async () => [['_service', await triage(SERVICE_REQUEST)]]],
    ['valid grant: __schema', async () => [['__schema', await triage(INTROSPECTION_REQUEST)]]],
    ...targets.filter((probe) => !['_entities', '_service', '__schema'].includes(probe.name)).map(
      (probe): [string, () => Promise<[string, AgencyResponse][]>] => [`valid grant: ${probe.name}`, async () => [[probe.name, await triage(probe.request)]]],
    ),
    ['valid grant: uncovered subject', async () => [
      ['_entities of an uncovered subject', await triage(entitiesRequest(context.agency, [other]))],
      ['_entities of a covered and an uncovered subject', await triage(entitiesRequest(context.agency, [covered, other]))],
    ]],
    ['valid grant: _service beside _entities', async () => {
      const request = entitiesRequest(context.agency, [covered]);
      const smuggled = { ...request, query: request.query.replace(/\}\s*$/, '  _service { sdl }\n}') };
      return [['_entities with _service', await triage(smuggled)]];
    }],
    ['disclosure-review grant: _entities', async () => [['_entities', await client.post(entitiesRequest(context.agency, [covered]), (await grants.review()).token)]]],
    ['GET with a valid grant', async () => [['GET _entities', await client.get(entitiesRequest(context.agency, [covered]), (await grants.triage([covered])).token)]]],
  ];
  for (const [name, send] of valid) results.push(await runCheck('refusals', name, async () => expectAllRefused(await send())));
  return results;
}

function expectAllRefused(responses: [string, AgencyResponse][]): string {
  const problems = responses.flatMap(([name, response]) => {
    const problem = notRefused(response);
    return problem ? [`${name}: ${problem}`] : [];
  });
  if (problems.length > 0) fail(`not refused as required: ${problems.join('; ')}`);
  return `401 with the fixed body for ${responses.map(([name]) => name).join(', ')}`;
}
