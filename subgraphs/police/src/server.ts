import type { AgencyDefinition } from '@mash/shared';
import { createContext, type PoliceContext } from './context';
import { entities, migrations } from './data-source';
import { buildSchema } from './schema';
import { seed } from './seed';

export type { PoliceContext as Context, PoliceContext } from './context';
export { buildSchema, createContext, entities, migrations, seed };
export { policeConfig, loadPoliceConfig, type PoliceConfig } from './config';

export const definition: AgencyDefinition<PoliceContext> = {
  agency: 'police',
  defaultPort: 4001,
  entities,
  migrations,
  buildSchema,
  createContext,
  seed,
};
