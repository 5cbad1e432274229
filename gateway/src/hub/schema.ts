import { buildFederatedSchema } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { auditResolvers } from '../audit';
import { policyResolvers } from '../policy';
import { Subject } from './entities/subject.entity';
import { guardCaseRecord } from './privacy/field-guard';
import { CaseResolver } from './resolvers/case.resolver';
import { MatchDecisionResolver } from './resolvers/match-decision.resolver';
import { RatingResolver } from './resolvers/rating.resolver';
import { ReferralResolver } from './resolvers/referral.resolver';
import { subjectReference } from './resolvers/subject.reference';

/**
 * The hub subgraph, served inside the gateway process through LocalGraphQLDataSource; every read
 * of its case record is audited and pseudonymised for readers the ISA does not name.
 */
export async function buildHubSchema(): Promise<GraphQLSchema> {
  const schema = await buildFederatedSchema(
    { resolvers: [CaseResolver, ReferralResolver, RatingResolver, MatchDecisionResolver, ...auditResolvers, ...policyResolvers], orphanedTypes: [Subject] },
    subjectReference,
  );
  return guardCaseRecord(schema);
}
