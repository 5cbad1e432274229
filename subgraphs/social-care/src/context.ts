import { createLogger, type AgencyRequestContext, type DisclosureQueryContext, type SubjectReference } from '@mash/shared';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { SocialCareConfig } from './config';
import { todayIso } from './dates';
import type { SocialCareViewShape } from './types/social-care-view.type';
import { loadViews } from './views/load-views';

export interface Context extends AgencyRequestContext, DisclosureQueryContext {
  dataSource: DataSource;
  /** Per request, so one `_entities` call becomes one batch. */
  views: DataLoader<SubjectReference, SocialCareViewShape>;
}

const logger = createLogger('social-care');

export function createContext(dataSource: DataSource, request: AgencyRequestContext, config: SocialCareConfig): Context {
  const settings = { thresholds: config.thresholds, asOf: () => config.asOf ?? todayIso() };
  return {
    ...request,
    dataSource,
    views: new DataLoader<SubjectReference, SocialCareViewShape, string>(
      async (subjects) => {
        try {
          return await loadViews(dataSource, request, settings, subjects);
        } catch (error) {
          // Database messages can name tables and values: log the kind only, answer in plain words.
          logger.error('views_failed', { requestId: request.requestId, error: error instanceof Error ? error.name : 'unknown' });
          throw new GraphQLError('Social care could not search its records just now; try again shortly.', {
            extensions: { code: 'AGENCY_UNAVAILABLE' },
          });
        }
      },
      { cacheKeyFn: (subject) => subject.id },
    ),
  };
}
