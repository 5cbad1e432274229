import { createLogger, type AgencyRequestContext, type SubjectReference } from '@mash/shared';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { EducationConfig } from '../config';
import type { EducationView } from '../types/education-view.type';
import { buildViews } from './build-views';

const logger = createLogger('education');

/** Per request: collects the subjects of one `_entities` call so they are answered together. */
export function createViewLoader(
  dataSource: DataSource,
  request: AgencyRequestContext,
  config: EducationConfig,
): DataLoader<SubjectReference, EducationView, string> {
  return new DataLoader<SubjectReference, EducationView, string>(
    async (subjects) => {
      try {
        return await buildViews(dataSource, request, config, subjects);
      } catch (error) {
        // The client gets a code it can act on; our log keeps the cause's SQLSTATE, never its
        // message, which can quote the personal data that was being queried.
        const cause = error as { name?: string; code?: string };
        logger.error('education_views_failed', { requestId: request.requestId, error: cause.name, sqlState: cause.code });
        const unavailable = new GraphQLError('Education records could not be read; try again shortly.', {
          extensions: { code: 'AGENCY_UNAVAILABLE' },
        });
        return subjects.map(() => unavailable);
      }
    },
    { cacheKeyFn: (subject) => subject.id },
  );
}
