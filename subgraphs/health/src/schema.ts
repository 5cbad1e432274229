import { buildFederatedSchema, createDisclosureResolver } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { subjectReference } from './resolvers/subject.reference';
import { SubjectHealthResolver } from './resolvers/subject.resolver';
import { Subject } from './types/subject.type';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [SubjectHealthResolver, createDisclosureResolver('health')],
      orphanedTypes: [Subject],
      validate: false,
    },
    subjectReference,
  );
}
