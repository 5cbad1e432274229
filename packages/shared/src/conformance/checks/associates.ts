import { agencyFieldName } from '../../agency/schema';
import { AssociateRelationshipValue } from '../../envelope';
import { disclosuresRequest } from '../queries';
import { disclosureQueryName } from '../../disclosure.resolver';
import { person, withIdentifiers } from '../subjects';
import type { CheckResult } from '../types';
import type { GraphQLRequest } from '../queries';
import { answered, describeErrors, fail, runCheck, type CheckContext } from './context';

const ASSOCIATE_KEYS = ['dateOfBirth', 'familyName', 'givenName', 'recordId', 'relationship', 'role'];
const RELATIONSHIPS = Object.values(AssociateRelationshipValue) as string[];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function associatesRequest(field: string, representations: unknown[]): GraphQLRequest {
  return {
    query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { ${field} {
      status
      matches { candidate { recordId postcode } }
      flags { code date }
      associates { recordId relationship role givenName familyName dateOfBirth }
    } } } }`,
    variables: { representations },
  };
}

/**
 * Think family: C01 and C02 live at the same address, so the agency links each to the other
 * (`associates`) with minimal identity only, discloses the match's postcode, dates its flags,
 * and names the associates it disclosed in its disclosure log beside the subject's own record.
 */
export async function associateChecks(context: CheckContext): Promise<CheckResult[]> {
  const field = agencyFieldName(context.agency);
  const c01 = withIdentifiers(person('C01'));
  const c02 = person('C02');
  const grant = await context.grants.triage([c01]);
  let view: any;
  const results: CheckResult[] = [
    await runCheck('associates', 'C01 lists C02 (same address) with minimal identity only', async () => {
      const body = answered(await context.client.post(associatesRequest(field, [c01]), grant.token));
      if (body.errors?.length) fail(`errors: ${describeErrors(body.errors)}`);
      view = body.data?._entities?.[0]?.[field];
      context.answered.push({ label: 'associates', grant: grant.claims, subjects: [{ label: 'C01 with associates', subjectId: c01.id, status: view?.status ?? null }] });
      if (view?.status !== 'MATCHED') fail(`status ${view?.status ?? 'null'}, expected MATCHED`);
      if (!Array.isArray(view.associates)) fail(`associates is ${JSON.stringify(view.associates)}, expected a list for a MATCHED answer`);
      const problems = view.associates.flatMap((associate: Record<string, unknown>) => {
        const keys = Object.keys(associate).sort();
        return [
          keys.join(',') !== ASSOCIATE_KEYS.join(',') && `fields ${keys.join(', ')}`,
          !RELATIONSHIPS.includes(String(associate.relationship)) && `relationship ${associate.relationship}`,
          associate.recordId === view.matches[0]?.candidate?.recordId && 'the subject listed as their own associate',
          associate.dateOfBirth !== null && !ISO_DATE.test(String(associate.dateOfBirth)) && `dateOfBirth ${associate.dateOfBirth}`,
        ].filter(Boolean);
      });
      if (problems.length > 0) fail(problems.join('; '));
      const sibling = view.associates.find((associate: any) => associate.givenName === c02.givenName && associate.familyName === c02.familyName);
      if (!sibling) fail(`no associate is ${c02.key} (${view.associates.length} listed), who lives at the same address`);
      return `${view.associates.length} associate(s), ${c02.key} among them as ${sibling.relationship}`;
    }),
    await runCheck('associates', "the match carries the recorded postcode, and flags a date or null", async () => {
      if (!view) fail('no answer to look at (see the check above)');
      const postcode = view.matches?.[0]?.candidate?.postcode;
      if (postcode !== person('C01').postcode) fail(`candidate.postcode ${JSON.stringify(postcode)}, expected ${person('C01').postcode}`);
      const bad = (view.flags ?? []).filter((flag: { date: unknown }) => flag.date !== null && !ISO_DATE.test(String(flag.date)));
      if (bad.length > 0) fail(`flag dates not ISO: ${bad.map((flag: { code: string; date: unknown }) => `${flag.code}=${flag.date}`).join(', ')}`);
      return `postcode ${postcode}; ${view.flags?.length ?? 0} flag(s), dates ISO or null`;
    }),
    await runCheck('associates', 'the disclosure log names every associate disclosed', async () => {
      if (!view?.associates) fail('no associates to look for (see the first associates check)');
      const body = answered(await context.client.post(disclosuresRequest(context.agency, grant.claims.caseId), (await context.grants.review()).token));
      if (body.errors?.length) fail(`${disclosureQueryName(context.agency)}: ${describeErrors(body.errors)}`);
      const row = (body.data?.[disclosureQueryName(context.agency)] ?? []).find((entry: { subjectId: string }) => entry.subjectId === c01.id);
      if (!row) fail('no disclosure row for C01');
      const missing = view.associates.map((associate: { recordId: string }) => associate.recordId).filter((id: string) => !row.recordIds.includes(id));
      if (missing.length > 0) fail(`associates disclosed but not logged: ${missing.join(', ')}`);
      return `row names ${row.recordIds.length} record(s): the match and ${view.associates.length} associate(s)`;
    }),
  ];
  return results;
}
