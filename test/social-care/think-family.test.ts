import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  agencyStore, buildAgencySchema, createLogger, createViewLoader, DEFAULT_THRESHOLDS, fixedReferenceDate, recordBlockingKeys,
  type AgencyContext, type AgencyKit, type CandidateRow, type SyntheticPerson,
} from '@mash/shared';
import { adapter } from '@mash/social-care';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, subject, testGrant, type AgencyHarness, type GraphQLResult } from '../support/agency';

/** `_entities` asking for flags with their dates and the associates (what the gateway's think-family picture reads). */
const THINK_FAMILY_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Subject {
      socialCare {
        status
        matches { candidate { recordId postcode } record { personId } }
        flags { code severity summary date }
        associates { recordId relationship role givenName familyName dateOfBirth }
      }
    }
  }
}`;

describe('social-care subgraph: think family (scenario households, associates, flag dates)', () => {
  let harness: AgencyHarness;
  let server: ApolloServer<AgencyContext>;
  const grant = testGrant('social-care', []);

  /** As the agency app runs it: `viewRequest` set by the resolver when `associates` is selected. */
  async function ask(people: SyntheticPerson[] | object[], query = THINK_FAMILY_QUERY): Promise<GraphQLResult> {
    const representations = people.map((person) => ('key' in person ? representation(harness.population, person as SyntheticPerson) : person));
    const kit: AgencyKit<CandidateRow, unknown, object> = {
      adapter, store: agencyStore(harness.database.dataSource), thresholds: DEFAULT_THRESHOLDS,
      referenceDate: fixedReferenceDate(harness.population.referenceDate), logger: createLogger(adapter.agency),
    };
    const request = { requestId: randomUUID(), grant };
    const viewRequest = { associates: false };
    const contextValue = { ...request, dataSource: harness.database.dataSource, viewRequest, views: createViewLoader(kit, request, viewRequest) };
    const response = await server.executeOperation({ query, variables: { representations } }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResult;
  }

  const person = (givenName: string) =>
    harness.population.scenarios.flatMap((scenario) => scenario.household.members).find((member) => member.givenName === givenName)!;
  const viewOf = async (givenName: string) => {
    const result = await ask([person(givenName)]);
    expect(result.errors).toBeUndefined();
    return result.data._entities[0].socialCare;
  };
  const flagOf = (view: any, code: string) => view.flags.find((flag: any) => flag.code === code);

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
    server = new ApolloServer<AgencyContext>({ schema: await buildAgencySchema(adapter), plugins: [ApolloServerPluginInlineTraceDisabled()] });
    await server.start();
  }, HARNESS_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await harness?.close();
  }, HARNESS_TIMEOUT);

  it('seeds the scenario facts: Riley on a plan, Jayden and Imogen in need with their factors, Edith under enquiry', async () => {
    const riley = await viewOf('Riley');
    expect(riley.status).toBe('MATCHED');
    expect(flagOf(riley, 'OPEN_CP_PLAN')).toMatchObject({ severity: 'RED', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(flagOf(riley, 'PARENTAL_SUBSTANCE_MISUSE_FACTOR')).toMatchObject({ severity: 'AMBER' });
    expect(flagOf(riley, 'TOXIC_TRIO')).toBeDefined();

    const jayden = await viewOf('Jayden');
    expect(jayden.flags.map((flag: any) => flag.code)).toEqual(
      expect.arrayContaining(['OPEN_CHILD_IN_NEED', 'CCE_RISK', 'GOING_MISSING_RISK', 'HOUSEHOLD_CHILD_CP_PLAN']),
    );
    expect(flagOf(jayden, 'CCE_RISK')).toMatchObject({ severity: 'RED' });
    expect(flagOf(jayden, 'HOUSEHOLD_CHILD_CP_PLAN').date).toBe(flagOf(riley, 'OPEN_CP_PLAN').date);

    const imogen = await viewOf('Imogen');
    expect(flagOf(imogen, 'FGM_RISK')).toMatchObject({ severity: 'RED', date: expect.any(String) });
    expect(flagOf(imogen, 'CSE_RISK')).toBeUndefined();

    const poppy = await viewOf('Poppy');
    expect(flagOf(poppy, 'PREVIOUS_CP_PLAN')).toMatchObject({ severity: 'AMBER', date: expect.any(String) });
    expect(flagOf(poppy, 'OPEN_CP_PLAN')).toBeUndefined();

    const edith = await viewOf('Edith');
    expect(edith.flags.map((flag: any) => flag.code).sort()).toEqual(['OPEN_S42_ENQUIRY', 'SELF_NEGLECT']);
    for (const flag of edith.flags) expect(flag.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('raises nothing for scenario members whose facts give social care nothing, and finds no record for those it does not know', async () => {
    for (const name of ['Danielle', 'Keira', 'Tyler', 'Gerald']) expect((await viewOf(name)).flags).toEqual([]);
    for (const name of ['Wayne', 'Graham']) {
      const view = await viewOf(name);
      expect(view.status).toBe('NOT_KNOWN');
      expect(view.associates).toBeNull();
    }
  });

  it('lists the recorded family with relationship and role, minimal identity only, and logs them', async () => {
    const keira = person('Keira');
    const result = await ask([keira]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].socialCare;
    const ownId = view.matches[0].record.personId;
    expect(view.matches[0].candidate.postcode).toBe(harness.population.scenarios[0].household.postcode);
    const byName = Object.fromEntries(view.associates.map((associate: any) => [associate.givenName, associate]));
    expect(Object.keys(byName).sort()).toEqual(['Craig', 'Danielle', 'Mason']);
    expect(byName.Danielle).toMatchObject({ relationship: 'PARENT', role: 'mother', familyName: 'Harcourt', dateOfBirth: person('Danielle').dateOfBirth });
    expect(byName.Craig).toMatchObject({ relationship: 'PARENT', role: 'father' });
    expect(byName.Mason).toMatchObject({ relationship: 'SIBLING', role: 'brother' });
    expect(view.associates.map((associate: any) => associate.relationship)).toEqual(['PARENT', 'PARENT', 'SIBLING']);
    for (const associate of view.associates) {
      expect(Object.keys(associate).sort()).toEqual(['dateOfBirth', 'familyName', 'givenName', 'recordId', 'relationship', 'role']);
      expect(associate.recordId).not.toBe(ownId);
    }
    const [log] = await harness.database.dataSource.query(
      'SELECT record_ids FROM disclosure_log WHERE subject_id = $1 ORDER BY id DESC LIMIT 1', [representation(harness.population, keira).id]);
    expect([...log.record_ids].sort()).toEqual([ownId, ...view.associates.map((associate: any) => associate.recordId)].sort());
  });

  it('gives a parent their partner and children, in a deterministic order', async () => {
    const first = (await viewOf('Danielle')).associates;
    expect(first.map((associate: any) => [associate.givenName, associate.relationship, associate.role])).toEqual([
      ['Craig', 'PARTNER', 'partner'], ['Keira', 'CHILD', 'daughter'], ['Mason', 'CHILD', 'son'],
    ]);
    expect((await viewOf('Danielle')).associates).toEqual(first);
  });

  it('lists others at the same address without a recorded relationship as SAME_ADDRESS, and an adult alone has none', async () => {
    const edith = await viewOf('Edith');
    expect(edith.associates).toEqual([]);
    const keys = recordBlockingKeys({ givenName: 'Lodger', familyName: 'Pennick', dateOfBirth: '1970-01-01', postcode: 'CV1 1AA' });
    const uprn = harness.population.scenarios.find((scenario) => scenario.name === 'adult-section-42')!.household.uprn;
    await harness.database.dataSource.query(`
      INSERT INTO sc_person (person_id, given_name, family_name, date_of_birth, gender_code, postcode, uprn, blocking_keys, is_adult)
      VALUES ('WCC-990101', 'Lodger', 'Pennick', '1970-01-01', 1, 'CV1 1AA', $1, $2, true)`, [uprn, keys]);
    try {
      const after = await viewOf('Edith');
      expect(after.associates).toEqual([
        { recordId: 'WCC-990101', relationship: 'SAME_ADDRESS', role: null, givenName: 'Lodger', familyName: 'Pennick', dateOfBirth: '1970-01-01' },
      ]);
    } finally {
      await harness.database.dataSource.query(`DELETE FROM sc_person WHERE person_id = 'WCC-990101'`);
    }
  });

  it('gives no associates for an AMBIGUOUS answer', async () => {
    const keys = (postcode: string) => recordBlockingKeys({ givenName: 'Morwenna', familyName: 'Tregear', dateOfBirth: '2015-02-03', postcode });
    await harness.database.dataSource.query(`
      INSERT INTO sc_person (person_id, given_name, family_name, date_of_birth, gender_code, postcode, uprn, blocking_keys, is_adult)
      VALUES ('WCC-990201', 'Morwenna', 'Tregear', '2015-02-03', 2, 'CV34 4RL', '990000000201', $1, false),
             ('WCC-990202', 'Morwenna', 'Tregear', '2015-02-03', 2, 'CV35 7AB', '990000000201', $2, false)`,
    [keys('CV34 4RL'), keys('CV35 7AB')]);
    const result = await ask([subject({ id: 'subject-morwenna', givenName: 'Morwenna', familyName: 'Tregear', dateOfBirth: '2015-02-03', gender: 'FEMALE' })]);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].socialCare).toMatchObject({ status: 'AMBIGUOUS', associates: null });
  });

  it('reads associates in one statement, served by the relationship key and the UPRN index', async () => {
    harness.queries.length = 0;
    await ask([person('Keira'), person('Riley')]);
    const statements = harness.queries.filter((sql) => sql.includes('sc_person_relationship'));
    expect(statements).toHaveLength(1);
    const ids = (await harness.database.dataSource.query(`SELECT person_id FROM sc_person LIMIT 2`)).map((row: any) => row.person_id);
    const sql = statements[0].replaceAll('$1', `'{${ids.join(',')}}'`).replaceAll('$2', '20');
    const runner = harness.database.dataSource.createQueryRunner();
    try {
      // The seeded tables are small enough for a sequential scan; this asks whether the indexes can serve the statement.
      await runner.query('SET enable_seqscan = off');
      const plan = (await runner.query(`EXPLAIN ${sql}`)).map((row: any) => row['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/pk_sc_person_relationship/);
      expect(plan).toMatch(/idx_sc_person_uprn/);
      await runner.query('RESET enable_seqscan');
    } finally {
      await runner.release();
    }
  });
});
