import type { AgencyDefinition } from '@mash/shared';
import { createContext, type EducationContext } from './context';
import { entities, migrations } from './data-source';
import { buildSchema } from './schema';
import { seed } from './seed';

export type { EducationContext as Context, EducationContext } from './context';
export type { EducationView } from './types/education-view.type';
export { buildSchema, createContext, entities, migrations, seed };
export { educationConfig, loadEducationConfig, type EducationConfig } from './config';

export const definition: AgencyDefinition<EducationContext> = {
  agency: 'education',
  defaultPort: 4004,
  entities,
  migrations,
  buildSchema,
  createContext: (dataSource, request) => createContext(dataSource, request),
  seed,
};
