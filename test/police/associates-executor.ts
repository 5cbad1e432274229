import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  agencyStore, buildAgencySchema, createLogger, createViewLoader, DEFAULT_THRESHOLDS, fixedReferenceDate, type AgencyContext, type GrantClaims,
  type MatchThresholds,
} from '@mash/shared';
import { adapter } from '@mash/police';
import type { AgencyHarness, GraphQLResult } from '../support/agency';

/** What the think-family picture asks of police: flags with dates, and who else police link to the subject. */
export const THINK_FAMILY_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Subject {
      police {
        status
        matches { candidate { recordId givenName familyName dateOfBirth postcode } record { nominalId } }
        flags { code severity summary date }
        associates { recordId relationship role givenName familyName dateOfBirth }
      }
    }
  }
}`;

/**
 * The harness's `execute` gives the views no `viewRequest`, which the kit's resolver sets when
 * `associates` is selected; this executes as the agency's app does (agency/app.ts), on the
 * harness's database, so its query log still records the statements.
 */
export async function associatesExecutor(harness: AgencyHarness, thresholds: MatchThresholds = DEFAULT_THRESHOLDS) {
  const server = new ApolloServer<AgencyContext>({ schema: await buildAgencySchema(adapter), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await server.start();
  const kit = {
    adapter, store: agencyStore(harness.database.dataSource), thresholds,
    referenceDate: fixedReferenceDate(harness.population.referenceDate), logger: createLogger('police'),
  };
  const execute = async (query: string, variables: Record<string, unknown>, grant: GrantClaims | null = null): Promise<GraphQLResult> => {
    const request = { requestId: randomUUID(), grant };
    const viewRequest = { associates: false };
    const contextValue = { ...request, dataSource: harness.database.dataSource, viewRequest, views: createViewLoader(kit as never, request, viewRequest) } as AgencyContext;
    const response = await server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResult;
  };
  return { execute, stop: () => server.stop() };
}

