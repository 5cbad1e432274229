import { DisclosureLog, seedAgency, type Population } from '@mash/shared';
import { In } from 'typeorm';
import { adapter } from '@mash/education';
import { HARNESS_TIMEOUT, openAgencyHarness, PEOPLE, representation, subject, type AgencyHarness } from '../support/agency';

const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);
const schoolChildren = (people: Population['people']) => people.filter((person) => person.schoolAge);

describe('education subgraph: _entities on Subject', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  /** Each subject's `education` (null where it errored), and the errors. */
  async function fetchEducation(representations: object[]) {
    const result = await harness.entities(representations);
    return { views: (result.data?._entities ?? []).map((entity: any) => entity?.education), errors: result.errors };
  }

  it('seeds once: a second run leaves the database alone', async () => {
    expect(harness.seedResult.inserted).toBe(true);
    await expect(seedAgency(harness.database.dataSource, adapter.seed, { people: PEOPLE })).resolves.toEqual({ inserted: false, counts: {} });
  });

  it('matches every demo RED child, with and without identifiers, and flags absence and Operation Encompass', async () => {
    const { population } = harness;
    const children = schoolChildren(population.demo.red.members);
    expect(children).toHaveLength(3);
    const result = await fetchEducation(children.flatMap((child) => [representation(population, child, true), representation(population, child, false)]));
    expect(result.errors).toBeUndefined();
    for (const view of result.views) {
      expect(view.status).toBe('MATCHED');
      expect(view.matches).toHaveLength(1);
      expect(view.matches[0].confidence).toBeGreaterThanOrEqual(0.95);
      expect(view.matches[0].record).toMatchObject({ onRoll: true, attendanceThisYear: { persistentAbsence: true } });
      expect(view.matches[0].record.currentSchool.dslContact.phone).toMatch(/^01632 960\d{3}$/);
      expect(codes(view)).toEqual(expect.arrayContaining(['PERSISTENT_ABSENCE', 'OPERATION_ENCOMPASS_12M']));
      expect(codes(view)).not.toContain('NOT_ON_SCHOOL_ROLL');
    }
    expect(result.views[0].matches[0].matchedOn).toContain('UPN');
    expect(result.views[1].matches[0].matchedOn).not.toContain('UPN');
  });

  it('flags nothing AMBER for the demo GREEN children', async () => {
    const { population } = harness;
    const result = await fetchEducation(schoolChildren(population.demo.green.members).map((child) => representation(population, child, false)));
    expect(result.views.every((view: any) => view.status === 'MATCHED')).toBe(true);
    expect(result.views.flatMap((view: any) => view.flags).filter((flag: any) => flag.severity !== 'GREEN')).toEqual([]);
  });

  it.each(['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE', 'TEMPORARY_UPN'] as const)(
    'matches a pupil recorded with a %s variant from the true demographics alone',
    async (variant) => {
      const { population } = harness;
      const person = population.people.find((p) => population.agencyView(p, 'education')?.variants.includes(variant));
      if (!person) return void console.warn(`no ${variant} variant among ${PEOPLE} people`);
      const result = await fetchEducation([representation(population, person, false)]);
      expect(result.views[0].status).toBe('MATCHED');
      if (variant === 'TEMPORARY_UPN') expect(codes(result.views[0])).toContain('TEMPORARY_UPN');
    },
  );

  it('finds at least one of the variants in the population', () => {
    const { population } = harness;
    const kinds = population.people.flatMap((p) => population.agencyView(p, 'education')?.variants ?? []);
    expect(kinds.some((kind) => ['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE'].includes(kind))).toBe(true);
  });

  it('answers NOT_KNOWN for a made-up person, flagging a made-up school-age child as on no roll', async () => {
    const result = await fetchEducation([
      subject({ id: 'S-nobody-old', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01', postcode: 'CV34 4RL' }),
      subject({ id: 'S-nobody-child', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '2016-05-05', postcode: 'CV34 4RL' }),
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.views[0]).toEqual({ status: 'NOT_KNOWN', matches: [], flags: [] });
    expect(result.views[1].status).toBe('NOT_KNOWN');
    expect(result.views[1].matches).toEqual([]);
    expect(result.views[1].flags).toEqual([expect.objectContaining({ code: 'NOT_ON_SCHOOL_ROLL', severity: 'AMBER' })]);
  });

  it('answers a batch with one candidate query, one record load and one disclosure insert, a log row per subject', async () => {
    const { population } = harness;
    const people = [...schoolChildren(population.demo.amber.members), ...schoolChildren(population.people).slice(20, 26)];
    const representations = people.map((person) => ({ ...representation(population, person, false), id: `batch-${person.key}` }));
    harness.queries.length = 0;
    const result = await fetchEducation(representations);
    expect(result.errors).toBeUndefined();
    expect(result.views).toHaveLength(representations.length);
    expect(harness.queries.filter((sql) => /FROM pupil WHERE blocking_keys && /.test(sql))).toHaveLength(1);
    expect(harness.queries.filter((sql) => /FROM pupil p\s+WHERE p\.id = ANY/.test(sql))).toHaveLength(1);
    expect(harness.queries.filter((sql) => /disclosure_log_append/.test(sql))).toHaveLength(1);
    expect(harness.queries).toHaveLength(3);
    const logged = await harness.database.dataSource.getRepository(DisclosureLog).find({ where: { requestId: harness.lastRequestId() } });
    expect(logged.map((row) => row.subjectId).sort()).toEqual(representations.map((r) => r.id).sort());
    for (const row of logged) {
      const view = result.views[representations.findIndex((r) => r.id === row.subjectId)];
      expect(row.matchStatus).toBe(view.status);
      expect(row.recordIds).toEqual(view.matches.map((match: any) => match.record.id));
    }
  });

  it('rejects a malformed UPN or date of birth for that subject only, with BAD_USER_INPUT', async () => {
    const { population } = harness;
    const [child] = schoolChildren(population.demo.green.members);
    const result = await fetchEducation([
      { ...representation(population, child, false), id: 'S-bad-upn', upn: 'G937200124009' },
      { ...representation(population, child, false), id: 'S-bad-dob', dateOfBirth: '2015-02-30' },
      representation(population, child, false),
    ]);
    expect(result.views[0]).toBeNull();
    expect(result.views[1]).toBeNull();
    expect(result.views[2].status).toBe('MATCHED');
    expect(result.errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(result.errors?.map((error) => error.message).join(' ')).toMatch(/S-bad-upn.*upn.*S-bad-dob.*dateOfBirth/s);
    const logged = await harness.database.dataSource.getRepository(DisclosureLog).count({ where: { subjectId: In(['S-bad-upn', 'S-bad-dob']) } });
    expect(logged).toBe(0);
  });
});
