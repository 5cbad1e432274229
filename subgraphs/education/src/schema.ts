import { buildFederatedSchema, createDisclosureResolver, disclosureQueryName, SubjectReference } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { SubjectEducationResolver } from './resolvers/subject.resolver';
import { subjectReference } from './resolvers/subject.reference';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectEducationResolver, createDisclosureResolver(disclosureQueryName('education'))],
      orphanedTypes: [SubjectReference],
      validate: false,
    },
    subjectReference,
  );
}
