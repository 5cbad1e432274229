import { adapter } from '@mash/education';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, testGrant, type AgencyHarness } from '../support/agency';

/**
 * ISA: standard-risk domestic abuse is shared only with consent for early help, and an Operation
 * Encompass notification is police domestic-abuse information. The gateway says so with the grant
 * obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE.
 */
describe('education subgraph: grant obligations', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  const child = () => harness.population.demo.amber.members.filter((person) => person.schoolAge)[0];
  const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);

  it('leaves out standard-risk Operation Encompass notifications, and their flag, when the grant says so', async () => {
    const subject = representation(harness.population, child(), false);
    const open = await harness.entities([subject], testGrant('education', [subject.id], []));
    const obliged = { ...subject, id: `${subject.id}-omit` };
    const issued = testGrant('education', [obliged.id], ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']);
    const withheld = await harness.entities([obliged], issued);
    expect(open.errors).toBeUndefined();
    expect(withheld.errors).toBeUndefined();
    const [openView, withheldView] = [open, withheld].map((result) => result.data._entities[0].education);
    expect(codes(openView)).toContain('OPERATION_ENCOMPASS_12M');
    expect(openView.matches[0].record.operationEncompass.notificationsLast12Months).toBeGreaterThan(0);
    expect(codes(withheldView)).not.toContain('OPERATION_ENCOMPASS_12M');
    expect(withheldView.matches[0].record.operationEncompass).toEqual({ notificationsLast12Months: 0, latestReceivedOn: null });
    const log = await harness.database.dataSource.query('SELECT grant_id, case_id, obligations FROM disclosure_log WHERE grant_id = $1', [issued.grantId]);
    expect(log).toEqual([{ grant_id: issued.grantId, case_id: issued.caseId, obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] }]);
  });

  it('still shares higher-risk notifications under the obligation', async () => {
    const { population } = harness;
    const subjects = population.demo.red.members.filter((person) => person.schoolAge).map((person) => representation(population, person, false));
    const result = await harness.entities(subjects, testGrant('education', subjects.map((s) => s.id), ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']));
    expect(result.errors).toBeUndefined();
    const views = result.data._entities.map((entity: any) => entity.education);
    expect(views.every((view: any) => codes(view).includes('OPERATION_ENCOMPASS_12M'))).toBe(true);
  });
});
