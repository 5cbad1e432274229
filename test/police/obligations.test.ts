import { adapter } from '@mash/police';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, testGrant, type AgencyHarness } from '../support/agency';

/**
 * ISA: standard-risk domestic-abuse incidents are shared only with consent for early help. The
 * gateway says so with the grant obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE.
 */
describe('police subgraph: grant obligations', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  // The demo AMBER household has standard-risk domestic abuse and nothing above it.
  const amberSubjects = () => {
    const { population } = harness;
    return population.demo.amber.members.map((person) => representation(population, person, false));
  };

  it('shares standard-risk DA incidents, and flags them, when no obligation says otherwise', async () => {
    const subjects = amberSubjects();
    const result = await harness.entities(subjects, testGrant('police', subjects.map((s) => s.id), []));
    expect(result.errors).toBeUndefined();
    const views = result.data._entities.map((entity: any) => entity.police);
    const incidents = views.flatMap((view: any) => view.matches[0].record.domesticAbuseLast12Months);
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.every((incident: any) => incident.dashRiskLevel === 'STANDARD')).toBe(true);
    const children = views.filter((_: any, i: number) => harness.population.demo.amber.members[i].role === 'CHILD');
    for (const view of children) expect(view.flags.map((f: any) => f.code)).toContain('DA_CHILDREN_PRESENT_12M');
  });

  it('leaves standard-risk incidents out of records and flags under OMIT_STANDARD_RISK_DOMESTIC_ABUSE, and logs the obligation', async () => {
    const subjects = amberSubjects().map((s) => ({ ...s, id: `${s.id}-omit` }));
    const issued = testGrant('police', subjects.map((s) => s.id), ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']);
    const result = await harness.entities(subjects, issued);
    expect(result.errors).toBeUndefined();
    for (const entity of result.data._entities) {
      expect(entity.police.status).toBe('MATCHED');
      expect(entity.police.matches[0].record.domesticAbuseLast12Months).toEqual([]);
      expect(entity.police.flags.map((f: any) => f.code)).not.toEqual(expect.arrayContaining(['DA_CHILDREN_PRESENT_12M']));
      expect(entity.police.flags.filter((f: any) => f.code.startsWith('DA')).length).toBe(0);
    }
    const log = await harness.database.dataSource.query('SELECT grant_id, case_id, user_id, obligations FROM disclosure_log WHERE grant_id = $1', [issued.grantId]);
    expect(log).toHaveLength(subjects.length);
    expect(log[0]).toEqual({ grant_id: issued.grantId, case_id: issued.caseId, user_id: 'triage-officer-1', obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] });
  });

  it('still shares HIGH-risk incidents under the obligation', async () => {
    const { population } = harness;
    const subjects = population.demo.red.members.map((person) => representation(population, person, false));
    const result = await harness.entities(subjects, testGrant('police', subjects.map((s) => s.id), ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']));
    const incidents = result.data._entities.flatMap((entity: any) => entity.police.matches[0].record.domesticAbuseLast12Months);
    expect(incidents.some((incident: any) => incident.dashRiskLevel === 'HIGH')).toBe(true);
    expect(incidents.some((incident: any) => incident.dashRiskLevel === 'STANDARD')).toBe(false);
  });
});
