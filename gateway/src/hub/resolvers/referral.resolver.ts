import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { HubRole } from '../../auth/user';
import type { GatewayContext } from '../../context';
import { Case } from '../entities/case.entity';
import { ConsentInput, DecisionInput, RateCaseInput } from '../inputs/decision.input';
import { ReferralInput } from '../inputs/referral.input';

/** Hub staff who work cases; governance reads but does not change them. */
const CASE_WORKERS: readonly HubRole[] = ['mash-triage', 'mash-manager'];

@Resolver(() => Case)
export class ReferralResolver {
  @Mutation(() => Case, { description: 'Record a new referral; checked whole, written whole or not at all' })
  receiveReferral(@Arg('input', () => ReferralInput) input: ReferralInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'receive referrals');
    return context.cases.receiveReferral(input, { userId: user.id, requestId: context.requestId });
  }

  @Mutation(() => Case, { description: 'Rate (or re-rate) a case; every rating is kept' })
  rateCase(@Arg('input', () => RateCaseInput) input: RateCaseInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'rate cases');
    return context.cases.rateCase(input, { userId: user.id, requestId: context.requestId });
  }

  @Mutation(() => Case)
  recordConsent(@Arg('input', () => ConsentInput) input: ConsentInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record consent');
    return context.cases.recordConsent(input, { userId: user.id, requestId: context.requestId });
  }

  @Mutation(() => Case, { description: 'Record the MASH decision and the feedback to the referrer; closes the case' })
  recordDecision(@Arg('input', () => DecisionInput) input: DecisionInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record decisions');
    return context.cases.recordDecision(input, { userId: user.id, requestId: context.requestId });
  }
}
