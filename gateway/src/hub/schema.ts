import { buildFederatedSchema } from '@mash/shared';
import type { GraphQLSchema } from 'graphql';
import { alertResolvers } from '../alerts';
import { auditResolvers } from '../audit';
import { notificationResolvers } from '../notifications';
import { policyResolvers } from '../policy';
import { reportResolvers } from '../report';
import { reviewResolvers } from '../review';
import { guardScreeningRecord, screeningResolvers } from '../screening';
import { Subject } from './entities/subject.entity';
import { guardCaseRecord } from './privacy/field-guard';
import { CaseResolver } from './resolvers/case.resolver';
import { LifecycleResolver } from './resolvers/lifecycle.resolver';
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
    { resolvers: [CaseResolver, LifecycleResolver, ReferralResolver, RatingResolver, MatchDecisionResolver, ...auditResolvers, ...policyResolvers, ...reportResolvers, ...screeningResolvers, ...notificationResolvers, ...reviewResolvers, ...alertResolvers], orphanedTypes: [Subject] },
    subjectReference,
    {
      query: 'Reading the MASH: cases and their subjects (with what each agency holds, under the sharing agreement), the review queue, the domestic abuse screening queue and the onward-notification outbox, and for governance the ISA policy, the access matrix and the access log',
      mutation: 'Changing the MASH record: receiving, rating and deciding referrals, consent, match decisions, receiving and screening police domestic abuse notifications, retrying onward notifications, and for governance proposing and activating ISA policy versions; every change is audited',
    },
  );
  return guardScreeningRecord(guardCaseRecord(schema));
}
