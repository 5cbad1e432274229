import type { AgencyDefinition } from '@mash/shared';
import { loadConfig } from './config';
import { createContext, type Context } from './context';
import { entities, migrations } from './data-source';
import { buildSchema } from './schema';
import { seed } from './seed';

export type { Context } from './context';
export { buildSchema } from './schema';
export { entities, migrations } from './data-source';
export { seed } from './seed';

const config = loadConfig();

export const definition: AgencyDefinition<Context> = {
  agency: 'social-care',
  defaultPort: 4002,
  entities,
  migrations,
  buildSchema,
  createContext: (dataSource, request) => createContext(dataSource, request, config),
  seed,
};
