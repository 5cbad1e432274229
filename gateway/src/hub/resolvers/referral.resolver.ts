import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { AuthenticatedUser, HubRole } from '../../auth/user';
import type { GatewayContext } from '../../context';
import type { Actor } from '../case-register';
import { Case } from '../entities/case.entity';
import { ConsentInput, DecisionInput, RateCaseInput } from '../inputs/decision.input';
import { ReferralInput, SubjectInput } from '../inputs/referral.input';
import { Subject } from '../entities/subject.entity';
import { AgencyValue } from '../entities/match-decision.entity';

@InputType({ description: 'The agency record an added subject was found through (Subject.associates)' })
export class AssociateSourceInput {
  @Field(() => AgencyValue, { description: 'The agency that reported the associate' })
  agency: AgencyValue;

  @Field(() => String, { description: "The associate's recordId, as Subject.associates gave it" })
  recordId: string;
}

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
      'Record a new referral or information request; checked whole, written whole or not at all. A rating given here follows the same separation of duties as rateCase, ' +
      'and consent given here is written to the consent history with who gave it, how and when. A referral about a person referred within the policy window ' +
      '(same NHS number, or family name and date of birth with given name or postcode) is a new case linked as a re-referral (reReferralOf)',
  })
  receiveReferral(
    @Arg('input', () => ReferralInput, { description: 'The referral: who referred, the concern, the people it names, and any consent or rating given on receipt' }) input: ReferralInput,
    @Ctx() context: GatewayContext,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key the sender makes once per submission (e.g. a UUID): sending the same referral again under it returns the case the first made instead of a second case; ' +
        'a different referral under a used key is BAD_USER_INPUT',
    })
    idempotencyKey?: string | null,
  ): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'receive referrals');
    return context.cases.receiveReferral(input, actorOf(user, context), new Date(), idempotencyKey ?? null);
  }

  @Mutation(() => Subject, {
    description:
      'Add a person to an open case as a subject with a household role: typically an associate an agency reported (Subject.associates), ' +
      'or a household member learnt of since the referral. The agencies are then asked about them under the same agreement as every subject. Audited',
  })
  addSubject(
    @Arg('caseId', () => ID, { description: 'The case (its id, as cases or case returns it)' }) caseId: string,
    @Arg('input', () => SubjectInput, { description: 'Who the person is and their place in the household' }) input: SubjectInput,
    @Arg('foundAs', () => AssociateSourceInput, { nullable: true, description: 'The agency record that led to them (from Subject.associates), kept in the access log' }) foundAs: AssociateSourceInput | null,
    @Ctx() context: GatewayContext,
  ): Promise<Subject> {
    const user = requireRole(context.user, CASE_WORKERS, 'add subjects to cases');
    return context.cases.addSubject(caseId, input, actorOf(user, context), foundAs ?? null);
  }

  @Mutation(() => Case, {
    description:
      'Rate (or re-rate) a case; every rating is kept. A RED or AMBER rating opens the case to agency data only once a manager gave it or ' +
      'a second person confirmed it (confirmRating); an urgent RED rating shares at once but a manager must review it',
  })
  rateCase(@Arg('input', () => RateCaseInput, { description: 'The case, the rating and why' }) input: RateCaseInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'rate cases');
    return context.cases.rateCase(input, actorOf(user, context));
  }

  @Mutation(() => Case, { description: 'Record consent (given, refused, not sought or overridden); every recording is kept in consentHistory' })
  recordConsent(@Arg('input', () => ConsentInput, { description: 'The case and the consent as it now stands' }) input: ConsentInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record consent');
    return context.cases.recordConsent(input, actorOf(user, context));
  }

  @Mutation(() => Case, {
    description:
      'Record the MASH decision (a RED case with its strategy discussion: when, who took part). With feedbackToReferrer it also records the feedback and closes the case; ' +
      'without, recordFeedback and closeCase follow',
  })
  recordDecision(@Arg('input', () => DecisionInput, { description: 'The case, the decision, why, the strategy discussion, and (optionally) what the referrer is told' }) input: DecisionInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record decisions');
    return context.cases.recordDecision(input, actorOf(user, context));
  }
}
