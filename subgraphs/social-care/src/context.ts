import type { AgencyRequestContext, DisclosureQueryContext, SubjectReference } from '@mash/shared';
import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
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

export function createContext(dataSource: DataSource, request: AgencyRequestContext, config: SocialCareConfig): Context {
  const settings = { thresholds: config.thresholds, asOf: () => config.asOf ?? todayIso() };
  return {
    ...request,
    dataSource,
    views: new DataLoader<SubjectReference, SocialCareViewShape, string>(
      (subjects) => loadViews(dataSource, request, settings, subjects) as Promise<(SocialCareViewShape | GraphQLError)[]>,
      { cacheKeyFn: (subject) => subject.id },
    ),
  };
}
