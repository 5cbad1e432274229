import type { AgencyRequestContext, DisclosureQueryContext, SubjectReference } from '@mash/shared';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { educationConfig, type EducationConfig } from './config';
import type { EducationView } from './types/education-view.type';
import { createViewLoader } from './views/view-loader';

export interface EducationContext extends AgencyRequestContext, DisclosureQueryContext {
  dataSource: DataSource;
  views: DataLoader<SubjectReference, EducationView, string>;
}

/** A fresh context per request, so the view loader never serves one request's answers to another. */
export function createContext(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: EducationConfig = educationConfig(),
): EducationContext {
  return { ...request, dataSource, views: createViewLoader(dataSource, request, config) };
}
