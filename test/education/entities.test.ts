import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { printSubgraphSchema } from '@apollo/subgraph';
import { DisclosureLog, SUBJECT_REQUIRED_FIELDS, generatePopulation, openTestDatabase, type Database, type GrantClaims, type Population } from '@mash/shared';
import { buildSchema, createContext, entities, loadEducationConfig, migrations, seed, type EducationContext } from '@mash/education';
import type { GraphQLSchema } from 'graphql';
import { In } from 'typeorm';
import { EDUCATION_ENTITIES, householdOf, representation, subject, type Representation } from './support';

const PEOPLE = 400;

describe('education subgraph: _entities', () => {
  let db: Database;
  let server: ApolloServer<EducationContext>;
  let population: Population;
  let schema: GraphQLSchema;
  let requests = 0;

  beforeAll(async () => {
    db = await openTestDatabase({ service: 'education', entities, migrations });
    await expect(seed(db.dataSource, { people: PEOPLE })).resolves.toEqual({ inserted: true });
    population = generatePopulation({ people: PEOPLE });
    schema = await buildSchema();
    server = new ApolloServer<EducationContext>({ schema });
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  /** Runs the federation query as the gateway would; returns each subject's `education`. */
  async function fetchEducation(representations: Representation[], grant: GrantClaims | null = null) {
    const config = { ...loadEducationConfig({}), referenceDate: population.referenceDate };
    const contextValue = createContext(db.dataSource, { requestId: `education-test-${++requests}`, grant }, config);
    const response = await server.executeOperation({ query: EDUCATION_ENTITIES, variables: { representations } }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult as { data?: any; errors?: any[] };
    return { views: (data?._entities ?? []).map((entity: any) => entity?.education), errors, requestId: contextValue.requestId };
  }

  const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);
  const schoolChildren = (people: Population['people']) => people.filter((person) => person.schoolAge);

  it('prints a federation 2 subgraph: Subject by key, education requiring the external demographics', () => {
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toMatch(/type Subject\s+@key\(fields: "id"\)/);
    expect(sdl).toContain(`education: EducationView @requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`);
    const external = ['givenName: String', 'familyName: String!', 'dateOfBirth: String', 'gender: Gender', 'postcode: String',
      'nhsNumber: String', 'upn: String', 'pncId: String'];
    for (const field of external) expect(sdl).toContain(`${field} @external`);
    expect(sdl).toContain('educationDisclosures(');
  });

  it('does nothing when seeded a second time', async () => {
    await expect(seed(db.dataSource, { people: PEOPLE })).resolves.toEqual({ inserted: false });
  });

  it('matches every demo RED child, with and without identifiers, and flags absence and Operation Encompass', async () => {
    const household = population.demo.red;
    const children = schoolChildren(household.members);
    expect(children).toHaveLength(3);
    const { views, errors } = await fetchEducation(
      children.flatMap((child) => [representation(child, household, true), representation(child, household)]),
    );
    expect(errors).toBeUndefined();
    for (const view of views) {
      expect(view.status).toBe('MATCHED');
      expect(view.matches).toHaveLength(1);
      expect(view.matches[0].confidence).toBeGreaterThanOrEqual(0.95);
      expect(view.matches[0].record).toMatchObject({ onRoll: true, attendanceThisYear: { persistentAbsence: true } });
      expect(view.matches[0].record.currentSchool.dslContact.phone).toMatch(/^01632 960\d{3}$/);
      expect(codes(view)).toEqual(expect.arrayContaining(['PERSISTENT_ABSENCE', 'OPERATION_ENCOMPASS_12M']));
      expect(codes(view)).not.toContain('NOT_ON_SCHOOL_ROLL');
    }
    expect(views[0].matches[0].matchedOn).toContain('UPN');
    expect(views[1].matches[0].matchedOn).not.toContain('UPN');
  });

  it('flags nothing AMBER for the demo GREEN children', async () => {
    const household = population.demo.green;
    const { views } = await fetchEducation(schoolChildren(household.members).map((child) => representation(child, household)));
    expect(views.every((view: any) => view.status === 'MATCHED')).toBe(true);
    expect(views.flatMap((view: any) => view.flags).filter((flag: any) => flag.severity !== 'GREEN')).toEqual([]);
  });

  it.each(['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE', 'TEMPORARY_UPN'] as const)(
    'matches a pupil recorded with a %s variant from the true demographics alone',
    async (variant) => {
      const person = population.people.find((p) => population.agencyView(p, 'education')?.variants.includes(variant));
      if (!person) return void console.warn(`no ${variant} variant among ${PEOPLE} people`);
      const { views } = await fetchEducation([representation(person, householdOf(population, person))]);
      expect(views[0].status).toBe('MATCHED');
      if (variant === 'TEMPORARY_UPN') expect(codes(views[0])).toContain('TEMPORARY_UPN');
    },
  );

  it('finds at least one of the variants in the population', () => {
    const kinds = population.people.flatMap((p) => population.agencyView(p, 'education')?.variants ?? []);
    expect(kinds.some((kind) => ['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE'].includes(kind))).toBe(true);
  });

  it('answers NOT_KNOWN for a made-up person, flagging a made-up school-age child as on no roll', async () => {
    const { views, errors } = await fetchEducation([
      subject({ id: 'S-nobody-old', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01', postcode: 'CV34 4RL' }),
      subject({ id: 'S-nobody-child', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '2016-05-05', postcode: 'CV34 4RL' }),
    ]);
    expect(errors).toBeUndefined();
    expect(views[0]).toEqual({ status: 'NOT_KNOWN', matches: [], flags: [] });
    expect(views[1].status).toBe('NOT_KNOWN');
    expect(views[1].matches).toEqual([]);
    expect(views[1].flags).toEqual([expect.objectContaining({ code: 'NOT_ON_SCHOOL_ROLL', severity: 'AMBER' })]);
  });

  it('answers AMBIGUOUS for a child registered twice, flagging only that identity needs resolving', async () => {
    // A real-world duplicate: a second school created a record instead of taking the first one's.
    const person = schoolChildren(population.people).find((p) => !p.key.startsWith('P00000') && population.agencyView(p, 'education'))!;
    const [original] = await db.dataSource.query('SELECT * FROM pupil WHERE upn = $1', [person.upn]);
    await db.dataSource.query(
      `INSERT INTO pupil (given_name, family_name, date_of_birth, sex, postcode, blocking_keys)
       SELECT given_name, family_name, date_of_birth, sex, postcode, blocking_keys FROM pupil WHERE id = $1`,
      [original.id],
    );
    const { views } = await fetchEducation([representation(person, householdOf(population, person))]);
    expect(views[0].status).toBe('AMBIGUOUS');
    expect(views[0].matches).toHaveLength(2);
    expect(codes(views[0])).toEqual(['IDENTITY_UNRESOLVED']);
  });

  it('answers a batch with ONE candidate query and one disclosure-log row per subject', async () => {
    const people = [...schoolChildren(population.demo.amber.members), ...schoolChildren(population.people).slice(20, 26)];
    const representations = people.map((person) => representation(person, householdOf(population, person)));
    const query = jest.spyOn(db.dataSource, 'query');
    try {
      const { views, errors, requestId } = await fetchEducation(representations);
      expect(errors).toBeUndefined();
      expect(views).toHaveLength(representations.length);
      const candidateQueries = query.mock.calls.filter(([sql]) => /FROM pupil WHERE blocking_keys && /.test(String(sql)));
      expect(candidateQueries).toHaveLength(1);
      const logged = await db.dataSource.getRepository(DisclosureLog).find({ where: { requestId } });
      expect(logged.map((row) => row.subjectId).sort()).toEqual(representations.map((r) => r.id).sort());
      for (const row of logged) {
        const view = views[representations.findIndex((r) => r.id === row.subjectId)];
        expect(row.matchStatus).toBe(view.status);
        expect(row.recordIds).toEqual(view.matches.map((match: any) => match.record.id));
      }
    } finally {
      query.mockRestore();
    }
  });

  it('leaves out standard-risk Operation Encompass notifications when the grant says so', async () => {
    const household = population.demo.amber;
    const child = schoolChildren(household.members)[0];
    const grant: GrantClaims = {
      grantId: 'grant-1', agency: 'education', caseId: 'case-1', subjectIds: [`subject-${child.key}-demo`], purpose: 'triage',
      policyVersion: '1', userId: 'user-1', obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'],
    };
    const open = await fetchEducation([representation(child, household)]);
    const obliged = await fetchEducation([representation(child, household)], grant);
    expect(codes(open.views[0])).toContain('OPERATION_ENCOMPASS_12M');
    expect(codes(obliged.views[0])).not.toContain('OPERATION_ENCOMPASS_12M');
    expect(obliged.views[0].matches[0].record.operationEncompass.notificationsLast12Months).toBe(0);
    const [row] = await db.dataSource.getRepository(DisclosureLog).find({ where: { requestId: obliged.requestId } });
    expect(row).toMatchObject({ grantId: 'grant-1', caseId: 'case-1', obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] });
  });

  it('rejects a malformed UPN or date of birth for that subject only, with BAD_USER_INPUT', async () => {
    const household = population.demo.green;
    const [child] = schoolChildren(household.members);
    const { views, errors } = await fetchEducation([
      { ...representation(child, household), id: 'S-bad-upn', upn: 'G937200124009' },
      { ...representation(child, household), id: 'S-bad-dob', dateOfBirth: '2015-02-30' },
      representation(child, household),
    ]);
    expect(views[0]).toBeNull();
    expect(views[1]).toBeNull();
    expect(views[2].status).toBe('MATCHED');
    expect(errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(errors?.map((error) => error.message).join(' ')).toMatch(/S-bad-upn.*upn.*S-bad-dob.*dateOfBirth/s);
    const logged = await db.dataSource.getRepository(DisclosureLog).count({ where: { subjectId: In(['S-bad-upn', 'S-bad-dob']) } });
    expect(logged).toBe(0);
  });
});
