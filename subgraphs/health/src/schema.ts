import { buildFederatedSchema, createDisclosureResolver, SubjectReference } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { subjectReference } from './resolvers/subject.reference';
import { SubjectHealthResolver } from './resolvers/subject.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectHealthResolver, createDisclosureResolver('healthDisclosures')],
      orphanedTypes: [SubjectReference],
      validate: false,
    },
    subjectReference,
  );
}
