import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  agencyEntities, agencyStore, buildAgencySchema, createLogger, createViewLoader, DEFAULT_THRESHOLDS, fixedReferenceDate, generatePopulation,
  seedAgency, type AgencyAdapter, type AgencyContext, type AgencyKit, type CandidateRow, type Database, type GrantClaims,
  type MatchThresholds, type Population, type SeedResult,
} from '@mash/shared';
import type { Pool } from 'pg';
import type { Logger } from 'typeorm';
import { ENTITIES_QUERY } from '../fixtures/queries';
import { openSeededTestDatabase } from './seeded-databases';

export { householdOf, representation, representationAt, subject, type Representation } from '../fixtures/subjects';
export { ENTITIES_QUERY } from '../fixtures/queries';

/** People in the synthetic population the agency suites seed. */
export const PEOPLE = 400;
/** Migrating and seeding can take a while on a busy machine; jest's `testTimeout` is not a per-project option. */
export const HARNESS_TIMEOUT = 120_000;

type AnyAdapter = AgencyAdapter<CandidateRow, any, object>;
export type GraphQLResult = { data?: any; errors?: readonly any[] };

/** One agency, migrated and seeded on a throw-away database, its subgraph schema served in process (no HTTP). */
export interface AgencyHarness {
  adapter: AnyAdapter;
  database: Database;
  population: Population;
  seedResult: SeedResult;
  /** Every SQL statement run since the last `queries.length = 0`. */
  queries: string[];
  /** The request id of the latest call. */
  lastRequestId(): string;
  /** `_entities` with the agency's whole record (fixtures/queries.ts), under `grant` (default none). */
  entities(representations: object[], grant?: GrantClaims | null): Promise<GraphQLResult>;
  execute(query: string, variables?: Record<string, unknown>, grant?: GrantClaims | null): Promise<GraphQLResult>;
  close(): Promise<void>;
}

export interface AgencyHarnessOptions {
  people?: number;
  /** "Today" for windows and ages; default the population's reference date, so flags do not drift. */
  referenceDate?: string;
  thresholds?: MatchThresholds;
  /** Seed the demo population (default true). */
  seed?: boolean;
}

export async function openAgencyHarness(adapter: AnyAdapter, options: AgencyHarnessOptions = {}): Promise<AgencyHarness> {
  const people = options.people ?? PEOPLE;
  const population = generatePopulation({ people });
  // Migrated (a copy of a template on a Postgres server); the seed runs here, its result reported.
  const database = await openSeededTestDatabase({
    service: adapter.agency, entities: agencyEntities(adapter), migrations: adapter.migrations, codeFrom: ['packages/shared/dist', `subgraphs/${adapter.agency}/dist`],
  });
  const seedResult = options.seed === false ? { inserted: false, counts: {} } : await seedAgency(database.dataSource, adapter.seed, { people });
  const queries: string[] = [];
  recordQueries(database, queries);
  const server = new ApolloServer<AgencyContext>({ schema: await buildAgencySchema(adapter), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  const kit: AgencyKit<CandidateRow, unknown, object> = {
    adapter,
    store: agencyStore(database.dataSource),
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    referenceDate: fixedReferenceDate(options.referenceDate ?? population.referenceDate),
    logger: createLogger(adapter.agency),
  };
  let requestId = '';
  const execute: AgencyHarness['execute'] = async (query, variables, grant = null) => {
    requestId = randomUUID();
    const request = { requestId, grant };
    const viewRequest = { associates: false };
    const contextValue: AgencyContext = { ...request, dataSource: database.dataSource, viewRequest, views: createViewLoader(kit, request, viewRequest) };
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResult;
  };
  return {
    adapter, database, population, seedResult, queries,
    lastRequestId: () => requestId,
    entities: (representations, grant) => execute(ENTITIES_QUERY[adapter.agency], { representations }, grant),
    execute,
    async close() {
      await server.stop();
      await database.close();
    },
  };
}

/** A grant as the gateway would mint it, for suites that check what an agency does under one. */
export function testGrant(agency: GrantClaims['agency'], subjectIds: string[], obligations: GrantClaims['obligations'] = []): GrantClaims {
  return {
    grantId: randomUUID(), agency, caseId: `case-${randomUUID()}`, subjectIds, purpose: 'MASH_TRIAGE', policyVersion: 'test',
    userId: 'triage-officer-1', obligations,
  };
}

/** Records the SQL of both the ORM's query runners and the pipeline's prepared statements. */
function recordQueries(database: Database, queries: string[]): void {
  const logger: Logger = {
    logQuery: (query) => void queries.push(query),
    logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined,
  };
  (database.dataSource as { logger: Logger }).logger = logger;
  const pool = (database.dataSource.driver as unknown as { master: Pool }).master;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
    queries.push(typeof config === 'string' ? config : (config as { text: string }).text);
    return query(config, ...rest);
  };
}
