import { adapter } from '@mash/education';
import { isCompulsorySchoolAge } from '@mash/education/dist/records/calendar';
import { buildSeedRows } from '@mash/education/dist/seed';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, type AgencyHarness } from '../support/agency';

/** Large enough that home-educated and missing children, and every variant, occur. */
const PEOPLE = 2000;

describe('education subgraph: the 2,000-person seed', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    const started = Date.now();
    harness = await openAgencyHarness(adapter, { people: PEOPLE });
    expect(harness.seedResult.inserted).toBe(true);
    console.info(`education seed, ${PEOPLE} people, ${Date.now() - started} ms`, harness.seedResult.counts);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  async function fetchEducation(people: AgencyHarness['population']['people'], withIdentifiers = false) {
    const result = await harness.entities(people.map((person) => representation(harness.population, person, withIdentifiers)));
    expect(result.errors).toBeUndefined();
    return (result.data?._entities ?? []).map((entity: any) => entity.education);
  }

  const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);

  it('leaves the database exactly as the entities describe it (the migration and entities agree)', async () => {
    const pending = await harness.database.dataSource.driver.createSchemaBuilder().log();
    // disclosure_log is the shared package's table; its entity leaves its index names to TypeORM.
    const ours = pending.upQueries.map((query) => query.query).filter((sql) => !sql.includes('disclosure_log'));
    expect(ours).toEqual([]);
  });

  it('stores the deterministic ids the seed derives, so a re-seed gives every record the same id', async () => {
    const rows: { id: string }[] = await harness.database.dataSource.query('SELECT id::text AS id FROM pupil ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual(buildSeedRows(harness.population).pupils.map((pupil) => pupil.id).sort());
  });

  it('knows every home-educated child, as home educated and on no roll', async () => {
    const children = harness.population.people.filter((p) => p.gaps.electiveHomeEducation);
    expect(children.length).toBeGreaterThan(0);
    for (const view of await fetchEducation(children)) {
      expect(view.status).toBe('MATCHED');
      expect(view.matches[0].record).toMatchObject({ onRoll: false, currentSchool: null, electiveHomeEducation: { current: true } });
      const outcome = view.matches[0].record.electiveHomeEducation.suitabilityOutcome;
      // Home education judged unsuitable is not education otherwise: the child is missing education.
      expect(codes(view).includes('NOT_ON_SCHOOL_ROLL')).toBe(outcome === 'NOT_SUITABLE');
    }
  });

  it('flags every child of compulsory school age off roll, whether or not the LA recorded them as missing', async () => {
    const { population } = harness;
    const children = population.people.filter((p) => p.gaps.notOnSchoolRoll);
    expect(children.length).toBeGreaterThan(0);
    const views = await fetchEducation(children);
    expect(new Set(views.map((view: any) => view.status))).toEqual(new Set(['MATCHED', 'NOT_KNOWN']));
    views.forEach((view: any, i: number) => {
      // A reception-age child is not yet of compulsory school age (Education Act 1996 s8), so not CME.
      expect(codes(view).includes('NOT_ON_SCHOOL_ROLL')).toBe(isCompulsorySchoolAge(children[i].dateOfBirth, population.referenceDate));
      if (view.status === 'MATCHED') {
        expect(view.matches[0].record).toMatchObject({ onRoll: false, childMissingEducation: { status: 'OPEN' } });
      }
    });
    const recorded = views.find((view: any) => view.status === 'MATCHED' && codes(view).includes('NOT_ON_SCHOOL_ROLL'));
    expect(recorded.flags.find((flag: any) => flag.code === 'NOT_ON_SCHOOL_ROLL').summary).toMatch(/missing education since/);
  });

  it.each(['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE', 'HYPHENATED_SURNAME'] as const)(
    'matches every pupil recorded with a %s variant from the true demographics',
    async (variant) => {
      const { population } = harness;
      const people = population.people.filter((p) => population.agencyView(p, 'education')?.variants.includes(variant));
      expect(people.length).toBeGreaterThan(0);
      const views = await fetchEducation(people);
      expect(views.map((view: any) => view.status)).toEqual(people.map(() => 'MATCHED'));
    },
  );

  it('matches every on-roll pupil from the UPN, and nearly all from demographics alone', async () => {
    const { population } = harness;
    const pupils = population.people.filter((p) => population.agencyView(p, 'education') && p.schoolAge);
    const statuses = { withUpn: [] as string[], demographics: [] as string[] };
    // Batches of a referral's size: a household at a time, as the gateway would send them.
    for (let i = 0; i < pupils.length; i += 8) {
      const batch = pupils.slice(i, i + 8);
      const result = await harness.entities(
        batch.flatMap((p) => [representation(population, p, true), representation(population, p, false)]),
      );
      expect(result.errors).toBeUndefined();
      result.data._entities.forEach((entity: any, j: number) => statuses[j % 2 === 0 ? 'withUpn' : 'demographics'].push(entity.education.status));
    }
    expect(statuses.withUpn.filter((status) => status !== 'MATCHED')).toEqual([]);
    expect(statuses.demographics.filter((status) => status !== 'MATCHED').length).toBeLessThanOrEqual(Math.ceil(pupils.length * 0.01));
  }, 120_000);
});
