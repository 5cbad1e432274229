import { buildFederatedSchema, createDisclosureResolver, SubjectReference } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { subjectReferenceResolvers } from './resolvers/subject.reference';
import { SubjectResolver } from './resolvers/subject.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectResolver, createDisclosureResolver('socialCareDisclosures')],
      orphanedTypes: [SubjectReference],
      validate: false,
    },
    subjectReferenceResolvers,
  );
}
