import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, createDisclosureResolver } from '@mash/shared';
import { Subject } from './types/subject.type';
import { subjectReference } from './resolvers/subject.reference';
import { SubjectPoliceResolver } from './resolvers/subject.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectPoliceResolver, createDisclosureResolver('police')],
      orphanedTypes: [Subject],
      validate: false,
    },
    subjectReference,
  );
}
