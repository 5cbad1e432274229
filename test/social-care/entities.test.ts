import { DisclosureLog, seedAgency } from '@mash/shared';
import { adapter } from '@mash/social-care';
import type { Pool } from 'pg';
import { HARNESS_TIMEOUT, openAgencyHarness, PEOPLE, representation, testGrant, type AgencyHarness } from '../support/agency';

const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);
const CANDIDATE_QUERY = /FROM sc_person p\s+WHERE p\.blocking_keys && \$1/;
const grant = testGrant('social-care', []);

describe('social-care subgraph: _entities on Subject', () => {
  let harness: AgencyHarness;
  const entities = (representations: object[]) => harness.entities(representations, grant);

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('seeds once: a second run finds people and inserts nothing', async () => {
    expect(harness.seedResult.inserted).toBe(true);
    expect(harness.seedResult.counts.sc_child_protection_plan).toBeGreaterThanOrEqual(3);
    expect(await seedAgency(harness.database.dataSource, adapter.seed, { people: PEOPLE })).toEqual({ inserted: false, counts: {} });
  });

  describe.each([false, true])('the demo RED household (identifiers: %s)', (withIdentifiers) => {
    it('matches every child with confidence >= 0.95 on a child protection plan, with the toxic trio assessed', async () => {
      const children = harness.population.demo.red.members.filter((person) => person.role === 'CHILD');
      const result = await entities(children.map((child) => representation(harness.population, child, withIdentifiers)));
      expect(result.errors).toBeUndefined();
      for (const { socialCare: view } of result.data._entities) {
        expect(view.status).toBe('MATCHED');
        expect(view.matches).toHaveLength(1);
        expect(view.matches[0].confidence).toBeGreaterThanOrEqual(0.95);
        if (withIdentifiers) expect(view.matches[0].matchedOn).toEqual(expect.arrayContaining(['NHS_NUMBER', 'UPN']));
        expect(view.flags[0]).toMatchObject({ code: 'OPEN_CP_PLAN', severity: 'RED' });
        expect(codes(view)).toContain('TOXIC_TRIO');
        const record = view.matches[0].record;
        expect(record.currentStatuses).toEqual(expect.arrayContaining(['CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN']));
        expect(record.currentChildProtectionPlan.endDate).toBeNull();
        expect(record.assessmentFactors.map((factor: any) => factor.code)).toEqual(expect.arrayContaining(['2B', '3B']));
        expect(record.openReferral).toMatchObject({ source: 'POLICE', primaryNeed: 'N1' });
      }
    });

    it('tells the parents that their children are on plans (think family)', async () => {
      const parents = harness.population.demo.red.members.filter((person) => person.role === 'PARENT');
      const result = await entities(parents.map((parent) => representation(harness.population, parent, withIdentifiers)));
      expect(result.errors).toBeUndefined();
      for (const { socialCare: view } of result.data._entities) {
        expect(view.status).toBe('MATCHED');
        expect(view.matches[0].record.isAdult).toBe(true);
        expect(codes(view)).toEqual(expect.arrayContaining(['HOUSEHOLD_CHILD_CP_PLAN', 'TOXIC_TRIO']));
      }
    });
  });

  it('shows open early help for the demo AMBER children', async () => {
    const children = harness.population.demo.amber.members.filter((person) => person.role === 'CHILD');
    const result = await entities(children.map((child) => representation(harness.population, child, false)));
    for (const { socialCare: view } of result.data._entities) {
      expect(view.status).toBe('MATCHED');
      expect(view.flags).toContainEqual(expect.objectContaining({ code: 'OPEN_EARLY_HELP', severity: 'GREEN' }));
      expect(view.matches[0].record.openEarlyHelp).not.toBeNull();
    }
  });

  const variants = ['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE', 'HYPHENATED_SURNAME'] as const;
  const withVariant = (kind: (typeof variants)[number]) =>
    harness.population.people.find((person) => harness.population.agencyView(person, 'social-care')?.variants.includes(kind));

  it.each(variants)('matches a person recorded with a %s variant, searched by true demographics', async (kind) => {
    const person = withVariant(kind);
    if (!person) return; // not every variant occurs among 400 people; see the next two tests
    const result = await entities([representation(harness.population, person, false)]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].socialCare.status).toBe('MATCHED');
  });

  it('finds seeded NICKNAME and DOB_DAY_MONTH_SWAPPED variants to try', () => {
    expect(withVariant('NICKNAME')).toBeDefined();
    expect(withVariant('DOB_DAY_MONTH_SWAPPED')).toBeDefined();
  });

  it('matches a family who moved since social care recorded them (the PREVIOUS_POSTCODE case)', async () => {
    const child = harness.population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const moved = { ...representation(harness.population, child, false), id: 'subject-moved', postcode: 'CV31 1AB' };
    const result = await entities([moved]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].socialCare.status).toBe('MATCHED');
  });

  it('answers NOT_KNOWN, with no matches, for a person social care has never met', async () => {
    const result = await entities([{
      __typename: 'Subject', id: 'subject-nobody', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01',
      gender: 'MALE', postcode: 'CV34 4RL', nhsNumber: null, upn: null, pncId: null,
    }]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].socialCare).toEqual({ status: 'NOT_KNOWN', matches: [], flags: [] });
  });

  it('answers a batch with ONE candidate query, ONE record load and a disclosure-log row per subject', async () => {
    const { population } = harness;
    const known = population.people.filter((person) => population.agencyView(person, 'social-care')).slice(3, 9);
    const unknown = population.people.filter((person) => !population.agencyView(person, 'social-care')).slice(0, 2);
    const representations = [...known, ...unknown].map((person) => representation(population, person, false));
    harness.queries.length = 0;
    const result = await entities(representations);
    expect(result.errors).toBeUndefined();
    expect(harness.queries.filter((sql) => CANDIDATE_QUERY.test(sql))).toHaveLength(1);
    // Candidates, the matched people's records with their households, the disclosure log: three statements.
    expect(harness.queries).toHaveLength(3);
    const statuses = result.data._entities.map((entity: any) => entity.socialCare.status);
    expect(statuses.slice(0, known.length)).toEqual(known.map(() => 'MATCHED'));
    expect(statuses.slice(known.length)).toEqual(['NOT_KNOWN', 'NOT_KNOWN']);

    const rows = await harness.database.dataSource.getRepository(DisclosureLog).find({ where: { requestId: harness.lastRequestId() } });
    expect(rows.map((row) => row.subjectId).sort()).toEqual(representations.map((subject) => subject.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ grantId: grant.grantId, caseId: grant.caseId, userId: grant.userId, purpose: grant.purpose });
      expect(row.recordIds).toHaveLength(row.matchStatus === 'MATCHED' ? 1 : 0);
    }
    const first = rows.find((row) => row.subjectId === representations[0].id);
    expect(first?.recordIds).toEqual([result.data._entities[0].socialCare.matches[0].record.personId]);
  });

  it('lets the agency read its own disclosure log, newest first', async () => {
    const result = await harness.execute(`{ socialCareDisclosures(caseId: "${grant.caseId}", limit: 3) { subjectId matchStatus grantId disclosedAt } }`);
    expect(result.errors).toBeUndefined();
    const entries = result.data.socialCareDisclosures;
    expect(entries).toHaveLength(3);
    expect(entries.every((entry: any) => entry.grantId === grant.grantId)).toBe(true);
    expect([...entries].sort((a: any, b: any) => b.disclosedAt.localeCompare(a.disclosedAt))).toEqual(entries);
  });

  it('answers BAD_USER_INPUT for a malformed subject and still answers the others', async () => {
    const child = harness.population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const bad = { ...representation(harness.population, child, false), id: 'subject-bad', dateOfBirth: '2014-13-45' };
    const result = await entities([bad, representation(harness.population, child, false)]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain('dateOfBirth');
    expect(result.errors![0].extensions.stacktrace).toBeUndefined();
    expect(result.data._entities[0].socialCare).toBeNull();
    expect(result.data._entities[1].socialCare.status).toBe('MATCHED');
  });

  it('answers AGENCY_UNAVAILABLE, without database details, when its database fails', async () => {
    const child = harness.population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const pool = (harness.database.dataSource.driver as unknown as { master: Pool }).master;
    const spy = jest.spyOn(pool, 'query').mockRejectedValueOnce(new Error('relation "sc_person" does not exist') as never);
    try {
      const result = await entities([representation(harness.population, child, false)]);
      expect(result.errors![0].extensions.code).toBe('AGENCY_UNAVAILABLE');
      expect(JSON.stringify(result.errors)).not.toContain('sc_person');
    } finally {
      spy.mockRestore();
    }
  });
});
