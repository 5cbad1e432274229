import { buildFederatedSchema, createDisclosureResolver } from '@mash/shared';
import { Subject } from './types/subject.type';
import type { GraphQLSchema } from 'graphql';
import { subjectReferenceResolvers } from './resolvers/subject.reference';
import { SubjectResolver } from './resolvers/subject.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectResolver, createDisclosureResolver('social-care')],
      orphanedTypes: [Subject],
      validate: false,
    },
    subjectReferenceResolvers,
  );
}
