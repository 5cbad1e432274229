import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  generatePopulation, openTestDatabase, type Database, type GrantClaims, type Population,
} from '@mash/shared';
import { buildSchema, definition, entities, migrations, seed, type Context } from '@mash/social-care';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'typeorm';

export const ENTITIES_QUERY = `
  query($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Subject {
        socialCare {
          status
          matches {
            confidence
            matchedOn
            record {
              personId upn nhsNumber isAdult expectedDateOfBirth currentStatuses
              openReferral { referralDate source primaryNeed closureDate reasonForClosure noFurtherAction }
              currentChildProtectionPlan { startDate endDate initialCategory latestCategory }
              childProtectionPlansEndedLast12Months { startDate endDate latestCategory }
              previousChildProtectionPlans
              currentLookedAfterEpisode { startDate legalStatus placementType }
              referralsLast12Months { referralDate source primaryNeed closureDate reasonForClosure noFurtherAction }
              assessmentFactors { code description assessedOn }
              openEarlyHelp { startDate leadAgency leadProfessionalRole planStatus }
              openSection42Enquiries { concernDate enquiryType riskTypes sourceOfRisk locationOfRisk mentalCapacityAssessed consent }
            }
          }
          flags { code severity summary }
        }
      }
    }
  }`;

export const GRANT: GrantClaims = {
  grantId: 'grant-test-1', agency: 'social-care', caseId: 'case-test-1', subjectIds: [], purpose: 'MASH triage',
  policyVersion: 'test', userId: 'user-triage-1', obligations: [],
};

export interface Harness {
  database: Database;
  population: Population;
  schema: GraphQLSchema;
  /** Every SQL statement the data source ran since the last reset. */
  queries: string[];
  seedResult: Awaited<ReturnType<typeof seed>>;
  /** The request id of the latest `entities` call. */
  lastRequestId(): string;
  entities(representations: object[]): Promise<{ data?: any; errors?: readonly any[] }>;
  execute(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: readonly any[] }>;
  close(): Promise<void>;
}

/** The subject as a referral would give it: true demographics, identifiers only when asked. */
export { representation } from '../support/subjects';

export async function openSocialCareHarness(people = 400): Promise<Harness> {
  const database = await openTestDatabase({ service: 'social-care', entities, migrations });
  const seedResult = await seed(database.dataSource, { people });
  const queries: string[] = [];
  const recorder: Logger = {
    logQuery: (query) => void queries.push(query),
    logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined,
    logMigration: () => undefined, log: () => undefined,
  };
  (database.dataSource as { logger: Logger }).logger = recorder;
  const schema = await buildSchema();
  const server = new ApolloServer<Context>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  let request = 0;
  const execute: Harness['execute'] = async (query, variables) => {
    const contextValue = definition.createContext(database.dataSource, { requestId: `request-${++request}`, grant: GRANT });
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as { data?: any; errors?: readonly any[] };
  };
  return {
    database, population: generatePopulation({ people }), schema, queries, seedResult,
    lastRequestId: () => `request-${request}`,
    entities: (representations) => execute(ENTITIES_QUERY, { representations }),
    execute,
    async close() {
      await server.stop();
      await database.close();
    },
  };
}
