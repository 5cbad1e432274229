import { entitiesRequest } from '../queries';
import { person, withIdentifiers, type Representation } from '../subjects';
import type { CheckResult } from '../types';
import { answered, describeErrors, fail, notRefused, runCheck, type CheckContext } from './context';

/**
 * Check 2: a grant is bound to what it covers and used once (issue 9). The grant carries a digest
 * of each representation the gateway sends; the agency answers only that representation, only
 * once. Each check also sends the grant's own request, so it proves the refusal was for the one
 * thing changed: the disclosure-log check then expects exactly one row for each grant.
 */
export async function grantBindingChecks(context: CheckContext): Promise<CheckResult[]> {
  const { client, grants, agency, field } = context;
  const statusOf = (body: { data?: any; errors?: any[] }): string => {
    if (body.errors?.length) fail(`the grant's own request got errors: ${describeErrors(body.errors)}`);
    const status = body.data?._entities?.[0]?.[field]?.status;
    if (typeof status !== 'string') fail(`the grant's own request got no view: ${JSON.stringify(body.data)?.slice(0, 80)}`);
    return status;
  };
  return [
    await runCheck('grant-binding', 'a replayed grant', async () => {
      const covered = withIdentifiers(person('C01'));
      const grant = await grants.triage([covered]);
      const request = entitiesRequest(agency, [covered]);
      const status = statusOf(answered(await client.post(request, grant.token)));
      context.answered.push({ label: 'replay', grant: grant.claims, subjects: [{ label: 'C01, answered once', subjectId: covered.id, status }] });
      const again = notRefused(await client.post(request, grant.token));
      if (again) fail(`the same grant and request a second time were not refused: ${again}`);
      return `answered once (${status}), then 401 with the fixed body`;
    }),
    await runCheck('grant-binding', "a covered id sent with another person's name and date of birth", async () => {
      const covered = withIdentifiers(person('C01'));
      const other = person('C02');
      const swapped: Representation = { ...covered, givenName: other.givenName, familyName: other.familyName, dateOfBirth: other.dateOfBirth };
      const grant = await grants.triage([covered]);
      const refused = notRefused(await client.post(entitiesRequest(agency, [swapped]), grant.token));
      if (refused) fail(`C01's id with C02's name and date of birth was not refused: ${refused}`);
      const status = statusOf(answered(await client.post(entitiesRequest(agency, [covered]), grant.token)));
      context.answered.push({ label: 'swapped demographics', grant: grant.claims, subjects: [{ label: 'C01 as the grant digests it', subjectId: covered.id, status }] });
      return `401 with the fixed body; the grant's own representation then answered (${status})`;
    }),
  ];
}
