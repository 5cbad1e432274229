import type { AgencyDefinition } from '@mash/shared';
import { loadConfig, type EducationConfig } from './config';
import { createEducationContext, type EducationContext } from './context';
import { entities, migrations } from './data-source';
import { buildSchema } from './schema';
import { seed } from './seed';

export type Context = EducationContext;
export { buildSchema, createEducationContext, entities, migrations, seed };
export type { EducationConfig };
export { loadConfig };

let config: EducationConfig | undefined;

/** The settings, read from the environment on first use and kept; `index.ts` calls it at start-up to fail fast. */
export function educationConfig(): EducationConfig {
  config ??= loadConfig();
  return config;
}

export const definition: AgencyDefinition<Context> = {
  agency: 'education',
  defaultPort: 4004,
  entities,
  migrations,
  buildSchema,
  createContext: (dataSource, request) => createEducationContext(dataSource, request, educationConfig()),
  seed,
};
