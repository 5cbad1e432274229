import type { AgencyDefinition, AgencyRequestContext, DisclosureQueryContext, SubjectReference } from '@mash/shared';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { healthConfig, type HealthConfig } from './config';
import { entities, migrations } from './data-source';
import { createViewLoader } from './matching/view-loader';
import { buildSchema } from './schema';
import { seed } from './seed';
import type { HealthView } from './types/health-view.type';

export interface HealthContext extends AgencyRequestContext, DisclosureQueryContext {
  dataSource: DataSource;
  views: DataLoader<SubjectReference, HealthView, string>;
}

/** A fresh context per request, so DataLoader batches and caches never outlive one request. */
export function createContext(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: HealthConfig = healthConfig(),
): HealthContext {
  return { ...request, dataSource, views: createViewLoader(dataSource, request, config) };
}

export const definition: AgencyDefinition<HealthContext> = {
  agency: 'health',
  defaultPort: 4003,
  entities,
  migrations,
  // Settings are read here, at start-up, so a bad one stops the service before it listens.
  buildSchema: () => (healthConfig(), buildSchema()),
  createContext: (dataSource, request) => createContext(dataSource, request),
  seed,
};

export { buildSchema, entities, migrations, seed };
export { loadHealthConfig, type HealthConfig } from './config';
export type { HealthView };
