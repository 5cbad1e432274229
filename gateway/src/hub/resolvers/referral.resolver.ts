import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { AuthenticatedUser, HubRole } from '../../auth/user';
import type { GatewayContext } from '../../context';
import type { Actor } from '../case-register';
import { Case } from '../entities/case.entity';
import { ConsentInput, DecisionInput, RateCaseInput } from '../inputs/decision.input';
import { ReferralInput } from '../inputs/referral.input';

/** Hub staff who work cases; governance reads but does not change them. */
export const CASE_WORKERS: readonly HubRole[] = ['mash-triage', 'mash-manager'];

/** The signed-in user as the case register records them. */
export function actorOf(user: AuthenticatedUser, context: GatewayContext): Actor {
  return { userId: user.id, roles: user.roles, requestId: context.requestId };
}

@Resolver(() => Case)
export class ReferralResolver {
  @Mutation(() => Case, {
    description:
      'Record a new referral; checked whole, written whole or not at all. A rating given here follows the same separation of duties as rateCase, ' +
      'and consent given here is written to the consent history with who gave it, how and when',
  })
  receiveReferral(@Arg('input', () => ReferralInput) input: ReferralInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'receive referrals');
    return context.cases.receiveReferral(input, actorOf(user, context));
  }

  @Mutation(() => Case, {
    description:
      'Rate (or re-rate) a case; every rating is kept. A RED or AMBER rating opens the case to agency data only once a manager gave it or ' +
      'a second person confirmed it (confirmRating); an urgent RED rating shares at once but a manager must review it',
  })
  rateCase(@Arg('input', () => RateCaseInput) input: RateCaseInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'rate cases');
    return context.cases.rateCase(input, actorOf(user, context));
  }

  @Mutation(() => Case, { description: 'Record consent (given, refused, not sought or overridden); every recording is kept in consentHistory' })
  recordConsent(@Arg('input', () => ConsentInput) input: ConsentInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record consent');
    return context.cases.recordConsent(input, actorOf(user, context));
  }

  @Mutation(() => Case, { description: 'Record the MASH decision and the feedback to the referrer; closes the case' })
  recordDecision(@Arg('input', () => DecisionInput) input: DecisionInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record decisions');
    return context.cases.recordDecision(input, actorOf(user, context));
  }
}
