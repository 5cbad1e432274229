import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  generatePopulation, openTestDatabase, type Database, type GrantClaims, type Population,
} from '@mash/shared';
import { buildSchema, createContext, entities, migrations, seed, type PoliceContext } from '@mash/police';

export const PEOPLE = 400;

/** Migrating and seeding can take a while on a busy machine; jest's `testTimeout` is not a per-project option. */
export const HARNESS_TIMEOUT = 120_000;

export const POLICE_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Subject {
      police {
        status
        matches {
          confidence matchedOn
          record {
            nominalId pncId givenName familyName dateOfBirth
            aliases { givenName familyName dateOfBirth }
            warningMarkers { type source since }
            domesticAbuseLast12Months { reference reportedOn role childrenPresent dashRiskLevel maracReferral }
            missing { episodesLast90Days episodesLast12Months highestRiskLast12Months lastReportedOn }
            exploitationFlags { type status nrmReferral flaggedOn }
          }
        }
        flags { code severity summary }
      }
    }
  }
}`;

/** A migrated, seeded police database with the subgraph schema served in process (no HTTP). */
export interface PoliceHarness {
  database: Database;
  population: Population;
  server: ApolloServer<PoliceContext>;
  /** Every SQL statement run since the last `queries.length = 0`. */
  queries: string[];
  entities(representations: object[], grant?: GrantClaims | null): Promise<{ data?: any; errors?: readonly any[] }>;
  close(): Promise<void>;
}

export async function openPoliceHarness(): Promise<PoliceHarness> {
  const database = await openTestDatabase({ service: 'police', entities, migrations });
  await seed(database.dataSource, { people: PEOPLE });
  const queries: string[] = [];
  const logger = database.dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    queries.push(query);
    return logQuery(query, parameters, runner);
  };
  const server = new ApolloServer<PoliceContext>({ schema: await buildSchema(), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  return {
    database,
    population: generatePopulation({ people: PEOPLE }),
    server,
    queries,
    async entities(representations, grant = null) {
      const contextValue = createContext(database.dataSource, { requestId: randomUUID(), grant });
      const response = await server.executeOperation({ query: POLICE_QUERY, variables: { representations } }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult;
    },
    async close() {
      await server.stop();
      await database.close();
    },
  };
}

export { householdOf, representation } from '../support/subjects';

export function grant(subjectIds: string[], obligations: GrantClaims['obligations']): GrantClaims {
  return {
    grantId: randomUUID(),
    agency: 'police',
    caseId: 'case-1',
    subjectIds,
    purpose: 'MASH triage',
    policyVersion: '1',
    userId: 'triage-officer-1',
    obligations,
  };
}
