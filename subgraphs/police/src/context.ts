import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { AgencyRequestContext, DisclosureQueryContext, SubjectReference } from '@mash/shared';
import { policeConfig } from './config';
import type { PoliceView } from './types/police-view.type';
import { createViewLoader } from './views/load-views';

export interface PoliceContext extends AgencyRequestContext, DisclosureQueryContext {
  dataSource: DataSource;
  views: DataLoader<SubjectReference, PoliceView, string>;
}

/** Fresh per request, so no subject's answer is cached across requests or grants. */
export function createContext(dataSource: DataSource, request: AgencyRequestContext): PoliceContext {
  return { ...request, dataSource, views: createViewLoader(dataSource, request, policeConfig()) };
}
