import { printSubgraphSchema } from '@apollo/subgraph';
import { DisclosureLog, recordBlockingKeys, SUBJECT_REQUIRED_FIELDS } from '@mash/shared';
import { seed } from '@mash/social-care';
import { GRANT, openSocialCareHarness, representation, type Harness } from './harness';

const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);
const CANDIDATE_QUERY = /SELECT person_id::text AS id FROM sc_person WHERE/;

describe('social-care subgraph: _entities on Subject', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await openSocialCareHarness(400);
  });
  afterAll(() => harness?.close());

  it('seeds once: a second run finds people and inserts nothing', async () => {
    expect(harness.seedResult.inserted).toBe(true);
    expect(harness.seedResult.counts.childProtectionPlans).toBeGreaterThanOrEqual(3);
    expect(await seed(harness.database.dataSource, { people: 400 })).toEqual({ inserted: false, counts: {} });
  });

  it('prints a Federation 2 subgraph: Subject keyed by id, socialCare requiring the external demographics', () => {
    const sdl = printSubgraphSchema(harness.schema);
    expect(sdl).toMatch(/type Subject\s+@key\(fields: "id"\)/);
    expect(sdl).toContain(`socialCare: SocialCareView @requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`);
    for (const field of ['givenName: String @external', 'familyName: String! @external', 'nhsNumber: String @external', 'pncId: String @external']) {
      expect(sdl).toContain(field);
    }
    expect(sdl).toContain('socialCareDisclosures(limit: Int! = 50, caseId: String): [DisclosureEntry!]!');
  });

  describe.each([false, true])('the demo RED household (identifiers: %s)', (withIdentifiers) => {
    it('matches every child with confidence >= 0.95 on a child protection plan, with the toxic trio assessed', async () => {
      const children = harness.population.demo.red.members.filter((person) => person.role === 'CHILD');
      const result = await harness.entities(children.map((child) => representation(harness.population, child, withIdentifiers)));
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
      const result = await harness.entities(parents.map((parent) => representation(harness.population, parent, withIdentifiers)));
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
    const result = await harness.entities(children.map((child) => representation(harness.population, child, false)));
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
    const result = await harness.entities([representation(harness.population, person, false)]);
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
    const result = await harness.entities([moved]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].socialCare.status).toBe('MATCHED');
  });

  it('answers NOT_KNOWN, with no matches, for a person social care has never met', async () => {
    const result = await harness.entities([{
      __typename: 'Subject', id: 'subject-nobody', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01',
      gender: 'MALE', postcode: 'CV34 4RL', nhsNumber: null, upn: null, pncId: null,
    }]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].socialCare).toEqual({ status: 'NOT_KNOWN', matches: [], flags: [] });
  });

  it('answers a batch with ONE candidate query and writes a disclosure-log row per subject', async () => {
    const { population } = harness;
    const known = population.people.filter((person) => population.agencyView(person, 'social-care')).slice(3, 9);
    const unknown = population.people.filter((person) => !population.agencyView(person, 'social-care')).slice(0, 2);
    const representations = [...known, ...unknown].map((person) => representation(population, person, false));
    harness.queries.length = 0;
    const result = await harness.entities(representations);
    expect(result.errors).toBeUndefined();
    expect(harness.queries.filter((sql) => CANDIDATE_QUERY.test(sql))).toHaveLength(1);
    const statuses = result.data._entities.map((entity: any) => entity.socialCare.status);
    expect(statuses.slice(0, known.length)).toEqual(known.map(() => 'MATCHED'));
    expect(statuses.slice(known.length)).toEqual(['NOT_KNOWN', 'NOT_KNOWN']);

    const rows = await harness.database.dataSource.getRepository(DisclosureLog).find({
      where: { requestId: harness.lastRequestId() },
    });
    expect(rows.map((row) => row.subjectId).sort()).toEqual(representations.map((subject) => subject.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ grantId: GRANT.grantId, caseId: GRANT.caseId, userId: GRANT.userId, purpose: GRANT.purpose });
      expect(row.recordIds).toHaveLength(row.matchStatus === 'MATCHED' ? 1 : 0);
    }
  });

  it("lets the agency read its own disclosure log, newest first", async () => {
    const result = await harness.execute(`{ socialCareDisclosures(caseId: "${GRANT.caseId}", limit: 3) { subjectId matchStatus grantId disclosedAt } }`);
    expect(result.errors).toBeUndefined();
    const entries = result.data.socialCareDisclosures;
    expect(entries).toHaveLength(3);
    expect(entries.every((entry: any) => entry.grantId === GRANT.grantId)).toBe(true);
    expect([...entries].sort((a: any, b: any) => b.disclosedAt.localeCompare(a.disclosedAt))).toEqual(entries);
  });

  it('answers AMBIGUOUS for a duplicated record, with candidates but only an identity flag', async () => {
    await harness.database.dataSource.query(`
      INSERT INTO sc_person (person_id, given_name, family_name, date_of_birth, gender_code, postcode, blocking_keys, is_adult)
      VALUES ('WCC-990001', 'Tamsin', 'Pellowe', '2016-05-04', 2, 'CV34 4RL', $1, false),
             ('WCC-990002', 'Tamsin', 'Pellowe', '2016-05-04', 2, 'CV35 7AB', $2, false)`,
      [
        recordBlockingKeys({ givenName: 'Tamsin', familyName: 'Pellowe', dateOfBirth: '2016-05-04', postcode: 'CV34 4RL' }),
        recordBlockingKeys({ givenName: 'Tamsin', familyName: 'Pellowe', dateOfBirth: '2016-05-04', postcode: 'CV35 7AB' }),
      ]);
    await harness.database.dataSource.query(
      `INSERT INTO sc_child_protection_plan (person_id, start_date, initial_category, latest_category) VALUES ('WCC-990002', '2026-06-01', 'NEG', 'NEG')`,
    );
    const result = await harness.entities([{
      __typename: 'Subject', id: 'subject-tamsin', givenName: 'Tamsin', familyName: 'Pellowe', dateOfBirth: '2016-05-04',
      gender: 'FEMALE', postcode: null, nhsNumber: null, upn: null, pncId: null,
    }]);
    const view = result.data._entities[0].socialCare;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches.map((match: any) => match.record.personId).sort()).toEqual(['WCC-990001', 'WCC-990002']);
    expect(codes(view)).toEqual(['IDENTITY_UNRESOLVED']);
  });

  it('answers BAD_USER_INPUT for a malformed subject and still answers the others', async () => {
    const child = harness.population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const bad = { ...representation(harness.population, child, false), id: 'subject-bad', dateOfBirth: '2014-13-45' };
    const result = await harness.entities([bad, representation(harness.population, child, false)]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain('dateOfBirth');
    expect(result.errors![0].extensions.stacktrace).toBeUndefined();
    expect(result.data._entities[1].socialCare.status).toBe('MATCHED');
  });

  it('answers AGENCY_UNAVAILABLE, without database details, when its database fails', async () => {
    const child = harness.population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const spy = jest.spyOn(harness.database.dataSource, 'query').mockRejectedValueOnce(new Error('relation "sc_person" does not exist'));
    try {
      const result = await harness.entities([representation(harness.population, child, false)]);
      expect(result.errors![0].extensions.code).toBe('AGENCY_UNAVAILABLE');
      expect(JSON.stringify(result.errors)).not.toContain('sc_person');
    } finally {
      spy.mockRestore();
    }
  });
});
