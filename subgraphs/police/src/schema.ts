import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, createDisclosureResolver, SubjectReference } from '@mash/shared';
import { subjectReference } from './resolvers/subject.reference';
import { SubjectPoliceResolver } from './resolvers/subject.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectPoliceResolver, createDisclosureResolver('policeDisclosures')],
      orphanedTypes: [SubjectReference],
      validate: false,
    },
    subjectReference,
  );
}
