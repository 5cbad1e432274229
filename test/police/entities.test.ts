import { DisclosureLog, generatePopulation } from '@mash/shared';
import { In } from 'typeorm';
import { adapter } from '@mash/police';
import { HARNESS_TIMEOUT, openAgencyHarness, PEOPLE, representation, type AgencyHarness } from '../support/agency';

const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);

describe('police subgraph: _entities on Subject', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  describe.each([false, true])('the demo RED household (identifiers: %s)', (withIdentifiers) => {
    it('matches every child with confidence >= 0.95 and flags the household risk', async () => {
      const { population } = harness;
      const children = population.demo.red.members.filter((person) => person.role === 'CHILD');
      const result = await harness.entities(children.map((child) => representation(population, child, withIdentifiers)));
      expect(result.errors).toBeUndefined();
      const views = result.data._entities.map((entity: any) => entity.police);
      for (const view of views) {
        expect(view.status).toBe('MATCHED');
        expect(view.matches).toHaveLength(1);
        expect(view.matches[0].confidence).toBeGreaterThanOrEqual(0.95);
        // DA HIGH household: DASH HIGH with MARAC, children present at the latest incident.
        expect(codes(view)).toEqual(expect.arrayContaining(['DASH_HIGH_OR_MARAC_12M', 'DA_CHILDREN_PRESENT_12M']));
        expect(view.flags[0].severity).toBe('RED');
      }
      // missingChild: one child is a repeat missing child with a HIGH-risk episode.
      expect(views.some((view: any) => ['MISSING_HIGH_RISK_12M', 'MISSING_REPEAT_12M', 'MISSING_90D'].every((c) => codes(view).includes(c)))).toBe(true);
      if (withIdentifiers) {
        const adults = population.demo.red.members.filter((person) => person.pncId);
        const adultResult = await harness.entities(adults.map((adult) => representation(population, adult, true)));
        for (const entity of adultResult.data._entities) expect(entity.police.matches[0].matchedOn).toContain('PNC_ID');
      }
    });
  });

  // Not every variant occurs among 400 people: try each that does, and insist on at least one.
  const population = generatePopulation({ people: PEOPLE });
  const seeded = (['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE', 'HYPHENATED_SURNAME'] as const).flatMap((kind) => {
    const person = population.people.find((p) => population.agencyView(p, 'police')?.variants.includes(kind));
    return person ? [[kind, person] as const] : [];
  });

  it('finds seeded variants to try', () => {
    expect(seeded.length).toBeGreaterThan(0);
  });

  it.each(seeded)('matches a person police recorded with a %s variant, searched by true demographics', async (_kind, person) => {
    const result = await harness.entities([representation(population, person, false)]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].police.status).toBe('MATCHED');
  });

  it('answers NOT_KNOWN, with no matches, for a person police have never met', async () => {
    const result = await harness.entities([
      { __typename: 'Subject', id: 'subject-nobody', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01', gender: 'MALE', postcode: 'CV34 4RL', nhsNumber: null, upn: null, pncId: null },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].police).toEqual({ status: 'NOT_KNOWN', matches: [], flags: [] });
  });

  it('answers a batch of subjects with ONE candidate query and a disclosure-log row per subject', async () => {
    const { population } = harness;
    const known = population.people.filter((person) => population.agencyView(person, 'police')).slice(0, 6);
    const unknown = population.people.filter((person) => !population.agencyView(person, 'police')).slice(0, 2);
    const representations = [...known, ...unknown].map((person) => ({ ...representation(population, person, false), id: `batch-${person.key}` }));
    harness.queries.length = 0;
    const result = await harness.entities(representations);
    expect(result.errors).toBeUndefined();
    const candidateQueries = harness.queries.filter((sql) => /FROM police_nominal n\s+WHERE n\.blocking_keys/i.test(sql));
    expect(candidateQueries).toHaveLength(1);
    // Candidates, the matched nominals' records, the disclosure log: three statements, whatever the batch size.
    expect(harness.queries).toHaveLength(3);
    const statuses = result.data._entities.map((entity: any) => entity.police.status);
    expect(statuses.slice(0, known.length).every((status: string) => status === 'MATCHED')).toBe(true);
    expect(statuses.slice(known.length)).toEqual(['NOT_KNOWN', 'NOT_KNOWN']);

    const log = await harness.database.dataSource
      .getRepository(DisclosureLog)
      .find({ where: { subjectId: In(representations.map((r) => r.id)) } });
    expect(log).toHaveLength(representations.length);
    const first = log.find((row) => row.subjectId === representations[0].id);
    expect(first?.matchStatus).toBe('MATCHED');
    expect(first?.recordIds).toEqual([result.data._entities[0].police.matches[0].record.nominalId]);
    expect(log.find((row) => row.subjectId === representations.at(-1)!.id)?.recordIds).toEqual([]);
  });

  it('rejects a subject with an invalid identifier with BAD_USER_INPUT, answering the others', async () => {
    const { population } = harness;
    const person = population.demo.red.members[0];
    const bad = { ...representation(population, person, false), id: 'subject-bad', nhsNumber: '9876544321' };
    const result = await harness.entities([bad, representation(population, person, false)]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/Modulus 11/);
    expect(result.data._entities[0].police).toBeNull();
    expect(result.data._entities[1].police.status).toBe('MATCHED');
  });
});
