import type { Scenario, SyntheticPerson } from '@mash/shared';
import { adapter } from '@mash/police';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, testGrant, type AgencyHarness } from '../support/agency';
import { associatesExecutor, THINK_FAMILY_QUERY } from './associates-executor';

const ASSOCIATE_FIELDS = ['dateOfBirth', 'familyName', 'givenName', 'recordId', 'relationship', 'role'];

describe('police subgraph: think family (scenario households, flags with dates, associates)', () => {
  let harness: AgencyHarness;
  let executor: Awaited<ReturnType<typeof associatesExecutor>>;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
    executor = await associatesExecutor(harness);
  }, HARNESS_TIMEOUT);
  afterAll(async () => {
    await executor?.stop();
    await harness?.close();
  }, HARNESS_TIMEOUT);

  const scenario = (name: string): Scenario => harness.population.scenarios.find((s) => s.name === name)!;
  const member = (name: string, givenName: string): SyntheticPerson => scenario(name).household.members.find((m) => m.givenName === givenName)!;
  const views = async (people: SyntheticPerson[]) => {
    const result = await executor.execute(THINK_FAMILY_QUERY, { representations: people.map((p) => representation(harness.population, p, false)) });
    expect(result.errors).toBeUndefined();
    return result.data._entities.map((entity: any) => entity.police);
  };
  const flag = (view: any, code: string) => view.flags.find((f: any) => f.code === code);
  const codes = (view: any): string[] => view.flags.map((f: any) => f.code);
  /** The nominal id police hold for a person (their MATCHED record). */
  const nominalOf = async (person: SyntheticPerson): Promise<string> => (await views([person]))[0].matches[0].record.nominalId;

  describe('household-domestic-abuse (Harcourt, with Wayne Tolley living there)', () => {
    const DA = 'household-domestic-abuse';

    it('flags the perpetrator RED DA_PERPETRATOR and VIOLENT_MARKER, the victim DASH HIGH, every event-based flag dated', async () => {
      const [danielle, craig] = await views([member(DA, 'Danielle'), member(DA, 'Craig')]);
      expect(craig.status).toBe('MATCHED');
      expect(flag(craig, 'DA_PERPETRATOR')).toMatchObject({ severity: 'RED' });
      expect(flag(craig, 'VIOLENT_MARKER')).toMatchObject({ severity: 'AMBER' });
      expect(flag(danielle, 'DASH_HIGH_OR_MARAC_12M')).toMatchObject({ severity: 'RED' });
      expect(codes(danielle)).not.toContain('DA_PERPETRATOR');
      expect(codes(danielle)).not.toContain('HONOUR_BASED_ABUSE');
      for (const view of [danielle, craig]) {
        for (const f of view.flags) expect(f.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      // Same occurrences: the latest DA incident is the same day for both.
      expect(flag(craig, 'DA_PERPETRATOR').date).toBe(flag(danielle, 'DASH_HIGH_OR_MARAC_12M').date);
      expect(flag(danielle, 'DA_REPEAT_INCIDENTS_12M')).toBeDefined();
    });

    it('flags Wayne Tolley SEX_OFFENDER_REGISTERED and MAPPA_NOMINAL (RED, yes/no only, no date)', async () => {
      const [wayne] = await views([member(DA, 'Wayne')]);
      expect(wayne.status).toBe('MATCHED');
      for (const code of ['SEX_OFFENDER_REGISTERED', 'MAPPA_NOMINAL']) {
        expect(flag(wayne, code)).toMatchObject({ severity: 'RED', date: null });
        expect(flag(wayne, code).summary).toMatch(/public protection unit/);
      }
      expect(flag(wayne, 'MAPPA_NOMINAL').summary).not.toMatch(/category|level|[0-9]/i);
    });

    it("lists Wayne as a SAME_ADDRESS associate of the children and parents, and the children's SAME_INCIDENT parties with their roles", async () => {
      const household = scenario(DA).household.members;
      const wayneId = await nominalOf(member(DA, 'Wayne'));
      const people = household.filter((m) => m.givenName !== 'Wayne');
      const found = await views(people);
      for (const view of found) {
        expect(view.status).toBe('MATCHED');
        const wayne = view.associates.find((a: any) => a.recordId === wayneId);
        expect(wayne).toEqual({
          recordId: wayneId, relationship: 'SAME_ADDRESS', role: null, givenName: 'Wayne', familyName: 'Tolley', dateOfBirth: member(DA, 'Wayne').dateOfBirth,
        });
        // Never the subject themself, and each person once.
        const ids = view.associates.map((a: any) => a.recordId);
        expect(ids).not.toContain(view.matches[0].record.nominalId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const associate of view.associates) expect(Object.keys(associate).sort()).toEqual(ASSOCIATE_FIELDS);
      }
      const keira = found[people.findIndex((p) => p.givenName === 'Keira')];
      const craigId = await nominalOf(member(DA, 'Craig'));
      const danielleId = await nominalOf(member(DA, 'Danielle'));
      expect(keira.associates.find((a: any) => a.recordId === craigId)).toMatchObject({ relationship: 'SAME_INCIDENT', role: 'SUSPECT', givenName: 'Craig' });
      expect(keira.associates.find((a: any) => a.recordId === danielleId)).toMatchObject({ relationship: 'SAME_INCIDENT', role: 'VICTIM' });
    });

    it('writes the associates to the disclosure log with the matched record', async () => {
      const subject = { ...representation(harness.population, member(DA, 'Keira'), false), id: 'subject-keira-associates' };
      const result = await executor.execute(THINK_FAMILY_QUERY, { representations: [subject] });
      const view = result.data._entities[0].police;
      const [log] = await harness.database.dataSource.query('SELECT record_ids FROM disclosure_log WHERE subject_id = $1', [subject.id]);
      expect(log.record_ids).toEqual([view.matches[0].record.nominalId, ...view.associates.map((a: any) => a.recordId)]);
    });

    it('leaves out associates known only through a standard-risk DA occurrence under OMIT_STANDARD_RISK_DOMESTIC_ABUSE', async () => {
      // The demo AMBER household's DA is standard risk: its parties, as SAME_INCIDENT, must not show under the obligation.
      const { population } = harness;
      const amber = population.demo.amber.members.filter((p) => population.agencyView(p, 'police'));
      const subjects = amber.map((p) => ({ ...representation(population, p, false), id: `omit-${p.key}` }));
      const plain = await executor.execute(THINK_FAMILY_QUERY, { representations: subjects.map((s) => ({ ...s, id: `${s.id}-plain` })) },
        testGrant('police', subjects.map((s) => `${s.id}-plain`), []));
      const omitted = await executor.execute(THINK_FAMILY_QUERY, { representations: subjects },
        testGrant('police', subjects.map((s) => s.id), ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE']));
      const daIncidentAssociates = (result: any) => result.data._entities.flatMap((e: any) => e.police.associates ?? [])
        .filter((a: any) => a.relationship === 'SAME_INCIDENT').length;
      expect(daIncidentAssociates(plain)).toBeGreaterThan(0);
      expect(daIncidentAssociates(omitted)).toBeLessThan(daIncidentAssociates(plain));
    });
  });

  it('home-educated-with-concerns: Jayden has CCE_CONCERN and COUNTY_LINES_CONCERN and repeat HIGH-risk missing, dated', async () => {
    const [jayden, lorraine] = await views([member('home-educated-with-concerns', 'Jayden'), member('home-educated-with-concerns', 'Lorraine')]);
    for (const code of ['CCE_CONCERN', 'COUNTY_LINES_CONCERN', 'MISSING_HIGH_RISK_12M', 'MISSING_REPEAT_12M']) {
      expect(flag(jayden, code)?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(codes(jayden)).not.toContain('EXPLOITATION_CONCERN');
    expect(flag(jayden, 'COUNTY_LINES_CONCERN').summary).toMatch(/NRM/);
    // Nothing of concern was recorded about their mother.
    expect(lorraine.flags.filter((f: any) => f.severity !== 'GREEN')).toEqual([]);
  });

  it('honour-based-abuse-and-radicalisation: Imogen HONOUR_BASED_ABUSE, Rupert RADICALISATION_CONCERN and HATE_CRIME_12M', async () => {
    const name = 'honour-based-abuse-and-radicalisation';
    const [imogen, rupert, gerald] = await views([member(name, 'Imogen'), member(name, 'Rupert'), member(name, 'Gerald')]);
    expect(flag(imogen, 'HONOUR_BASED_ABUSE')).toMatchObject({ severity: 'RED' });
    expect(flag(imogen, 'HONOUR_BASED_ABUSE').date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(flag(rupert, 'RADICALISATION_CONCERN')).toMatchObject({ severity: 'AMBER' });
    expect(flag(rupert, 'HATE_CRIME_12M')).toMatchObject({ severity: 'AMBER' });
    expect(codes(rupert)).not.toContain('HONOUR_BASED_ABUSE');
    expect(codes(gerald)).toEqual([]);
    // The household as SAME_ADDRESS associates of Imogen.
    expect(imogen.associates.filter((a: any) => a.relationship === 'SAME_ADDRESS').map((a: any) => a.givenName).sort()).toEqual(['Gerald', 'Marian', 'Rupert']);
  });

  it('adult-section-42: Graham (an adult subject) has VIOLENT_MARKER; Edith, unknown to police, is NOT_KNOWN with no associates', async () => {
    const [graham, edith] = await views([member('adult-section-42', 'Graham'), member('adult-section-42', 'Edith')]);
    expect(flag(graham, 'VIOLENT_MARKER')).toMatchObject({ severity: 'AMBER' });
    expect(codes(graham)).not.toContain('WEAPONS_MARKER');
    expect(edith).toMatchObject({ status: 'NOT_KNOWN', associates: null });
  });

  it('writes no nominal for scenario people unknown to police', async () => {
    const unknown = harness.population.scenarios.flatMap((s) => s.household.members).filter((m) => !m.knownTo.police);
    expect(unknown.length).toBeGreaterThan(0);
    for (const view of await views(unknown)) expect(view.status).toBe('NOT_KNOWN');
  });

  it('reads associates in one statement, only when asked', async () => {
    const people = scenario('household-domestic-abuse').household.members;
    harness.queries.length = 0;
    await views(people);
    expect(harness.queries.filter((sql) => /WITH subject AS/.test(sql))).toHaveLength(1);
    harness.queries.length = 0;
    await harness.entities(people.map((p) => representation(harness.population, p, false)));
    expect(harness.queries.filter((sql) => /WITH subject AS/.test(sql))).toHaveLength(0);
  });
});
