import { buildFederatedSchema } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { auditResolvers } from '../audit';
import { policyResolvers } from '../policy';
import { Subject } from './entities/subject.entity';
import { CaseResolver } from './resolvers/case.resolver';
import { RatingResolver } from './resolvers/rating.resolver';
import { ReferralResolver } from './resolvers/referral.resolver';
import { subjectReference } from './resolvers/subject.reference';

/** The hub subgraph, served inside the gateway process through LocalGraphQLDataSource. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [CaseResolver, ReferralResolver, RatingResolver, ...auditResolvers, ...policyResolvers], orphanedTypes: [Subject] }, subjectReference);
}
