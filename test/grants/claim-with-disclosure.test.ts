import type { AddressInfo } from 'node:net';
import http from 'node:http';
import {
  agencyEntities, buildAgencyApp, createLogger, DEFAULT_THRESHOLDS, fixedReferenceDate, generatePopulation, generateSigningKey, GRANT_REQUIRED_BODY,
  GrantIssuer, GrantVerifier, seedAgency, subjectDigests, type Database, type Population,
} from '@mash/shared';
import { adapter as police } from '@mash/police';
import type { Pool } from 'pg';
import { HARNESS_TIMEOUT, PEOPLE, representation, type Representation } from '../support/agency';
import { openSeededTestDatabase } from '../support/seeded-databases';

const QUERY = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { police { status } } } }';

/**
 * An agency uses a grant up in the statement that records what it disclosed under it (one round
 * trip fewer per fetch than a claim of its own), and still answers each grant once: a replay,
 * sequential or at the same moment, gets the guard's 401 and leaves no disclosure-log row; a
 * request that disclosed nothing uses its grant up before its answer leaves.
 */
describe('police: a grant is claimed with its disclosure-log rows', () => {
  let database: Database;
  let population: Population;
  let issuer: GrantIssuer;
  let server: http.Server;
  let url: string;
  const statements: string[] = [];

  beforeAll(async () => {
    population = generatePopulation({ people: PEOPLE });
    database = await openSeededTestDatabase({
      service: 'police', entities: agencyEntities(police), migrations: police.migrations, codeFrom: ['packages/shared/dist', 'subgraphs/police/dist'],
    });
    await seedAgency(database.dataSource, police.seed, { people: PEOPLE });
    const key = await generateSigningKey();
    issuer = new GrantIssuer({ key });
    const built = await buildAgencyApp({
      adapter: police, dataSource: database.dataSource, verifier: new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: issuer.jwks() }),
      thresholds: DEFAULT_THRESHOLDS, referenceDate: fixedReferenceDate(population.referenceDate), logger: createLogger('police'),
    });
    const pool = (database.dataSource.driver as unknown as { master: Pool }).master;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      statements.push(typeof config === 'string' ? config : (config as { text: string }).text);
      return query(config, ...rest);
    };
    server = http.createServer(built.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, HARNESS_TIMEOUT);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.close();
  });

  const mint = (representations: Representation[]) =>
    issuer.mint({
      agency: 'police', caseId: 'case-claim', subjectIds: representations.map((r) => r.id), purpose: 'MASH_TRIAGE', policyVersion: 'test',
      userId: 'triage-claim', obligations: [], subjectDigests: subjectDigests(representations),
    });
  const post = async (representations: Representation[], token: string) => {
    const response = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { representations } }),
    });
    return { status: response.status, text: await response.text() };
  };
  const rowsOf = async (grantId: string) =>
    (await database.dataSource.query('SELECT count(*)::int AS n FROM disclosure_log WHERE grant_id = $1', [grantId]))[0].n as number;
  const used = async (grantId: string) =>
    (await database.dataSource.query('SELECT count(*)::int AS n FROM grant_use WHERE grant_id = $1', [grantId]))[0].n as number;
  const known = () => population.demo.red.members.slice(0, 2).map((person, i) => ({ ...representation(population, person, true), id: `claim-${i}-${person.key}` }));

  it('answers a first use with one statement for the disclosure and the claim, and a replay with 401 and no row', async () => {
    const subjects = known();
    const grant = await mint(subjects);
    statements.length = 0;
    const first = await post(subjects, grant.token);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).data._entities.map((entity: any) => entity.police.status)).toEqual(['MATCHED', 'MATCHED']);
    expect(statements.filter((sql) => /grant_use/.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /disclosure_log_append\(\$1::jsonb, \$2::jsonb\)/.test(sql))).toHaveLength(1);
    expect(await used(grant.grantId)).toBe(1);
    expect(await rowsOf(grant.grantId)).toBe(2);

    const replay = await post(subjects, grant.token);
    expect(replay).toEqual({ status: 401, text: GRANT_REQUIRED_BODY });
    expect(await rowsOf(grant.grantId)).toBe(2);
  });

  it('answers one of two uses sent at the same moment; the other gets 401, and only the answered one is logged', async () => {
    const subjects = known();
    const grant = await mint(subjects);
    const answers = await Promise.all([post(subjects, grant.token), post(subjects, grant.token)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    expect(answers.find((answer) => answer.status === 401)?.text).toBe(GRANT_REQUIRED_BODY);
    expect(await rowsOf(grant.grantId)).toBe(2);
  });

  it('uses up a grant whose answer disclosed nothing (every subject refused as given) before answering', async () => {
    const subjects: Representation[] = [{ ...known()[0], id: 'claim-bad-nhs', nhsNumber: '1234567890' }];
    const grant = await mint(subjects);
    const first = await post(subjects, grant.token);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text).errors.map((error: any) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(await rowsOf(grant.grantId)).toBe(0);
    expect(await used(grant.grantId)).toBe(1);
    expect(await post(subjects, grant.token)).toEqual({ status: 401, text: GRANT_REQUIRED_BODY });
  });
});
