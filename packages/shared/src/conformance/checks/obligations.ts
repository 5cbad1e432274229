import type { Obligation } from '../../grant-claims';
import { entitiesRequest } from '../queries';
import { person, withIdentifiers } from '../subjects';
import type { CheckResult } from '../types';
import { answered, describeErrors, fail, runCheck, type CheckContext } from './context';
import { matched } from './envelope';

const OMIT: Obligation = 'OMIT_STANDARD_RISK_DOMESTIC_ABUSE';

/**
 * Check 4: the grant's obligations are applied. ISA: standard-risk domestic abuse is shared only
 * where consent for early help is recorded, which the gateway says with OMIT_STANDARD_RISK_DOMESTIC_ABUSE.
 */
export async function obligationChecks(context: CheckContext): Promise<CheckResult[]> {
  const domesticAbuse = context.adapter.conformance.domesticAbuse;
  const ask = async (label: string, obligations: Obligation[]) => {
    const subject = withIdentifiers(person('C01'));
    const grant = await context.grants.triage([subject], obligations);
    const body = answered(await context.client.post(entitiesRequest(context.agency, [subject], domesticAbuse?.selection), grant.token));
    const view = body.data?._entities?.[0]?.[context.field];
    context.answered.push({ label, grant: grant.claims, subjects: [{ label: 'C01 with identifiers', subjectId: subject.id, status: view?.status ?? null }] });
    if (body.errors?.length) fail(`errors: ${describeErrors(body.errors)}`);
    return matched(view).record;
  };
  if (!domesticAbuse) {
    return [
      await runCheck('obligations', `${OMIT} answered normally (no domestic-abuse items declared)`, async () => {
        await ask('obligations', [OMIT]);
        return 'C01 MATCHED under a grant carrying the obligation';
      }),
    ];
  }
  return [
    await runCheck('obligations', 'standard-risk domestic abuse shared without the obligation', async () => {
      const items = domesticAbuse.standardRiskItems(await ask('no obligations', []));
      if (items < 1) fail(`C01's record shows ${items} standard-risk items; the fixture gives C01 one`);
      return `C01's record shows ${items} standard-risk item(s)`;
    }),
    await runCheck('obligations', `standard-risk domestic abuse left out under ${OMIT}`, async () => {
      const items = domesticAbuse.standardRiskItems(await ask('obligations', [OMIT]));
      if (items !== 0) fail(`C01's record still shows ${items} standard-risk item(s)`);
      return "C01's record shows none";
    }),
  ];
}
