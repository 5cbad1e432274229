import { buildFederatedSchema, createDisclosureResolver } from '@mash/shared';
import { Subject } from './types/subject.type';
import type { GraphQLSchema } from 'graphql';
import { SubjectEducationResolver } from './resolvers/subject.resolver';
import { subjectReference } from './resolvers/subject.reference';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectEducationResolver, createDisclosureResolver('education')],
      orphanedTypes: [Subject],
      validate: false,
    },
    subjectReference,
  );
}
