import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { GatewayContext } from '../../context';
import { Subject } from '../entities/subject.entity';
import { CASE_WORKERS } from './referral.resolver';
import { AgencyValue, MatchDecision, MatchDecisionKind } from '../entities/match-decision.entity';
import { recordMatchDecision } from '../match-decisions';

@InputType('MatchDecisionInput', { description: 'Which agency record a decision is about, and why' })
export class MatchDecisionInputType {
  @Field(() => ID, { description: 'The subject (a person named in a referral)' })
  subjectId: string;

  @Field(() => AgencyValue, { description: 'The agency whose record it is' })
  agency: AgencyValue;

  @Field({ description: "The agency's record id, as its answer showed it (matches.candidate.recordId)" })
  recordId: string;

  @Field({ description: 'Why: what told you this record is, or is not, the subject (e.g. "same school and address as on the referral")' })
  rationale: string;
}

/** Confirming or rejecting a possible match: the next agency fetch for the subject uses the decision. */
@Resolver(() => Subject)
export class MatchDecisionResolver {
  @Mutation(() => MatchDecision, {
    description:
      "Confirm that an agency record is this subject (after an AMBIGUOUS answer): from the next fetch the agency answers with that record (matchedOn CONFIRMED). Triage staff; audited",
  })
  confirmMatch(@Arg('input', () => MatchDecisionInputType, { description: 'The subject, the agency record that is them, and why' }) input: MatchDecisionInputType, @Ctx() context: GatewayContext): Promise<MatchDecision> {
    const user = requireRole(context.user, CASE_WORKERS, 'confirm matches');
    return recordMatchDecision(context.hub, input, MatchDecisionKind.CONFIRMED, { userId: user.id, requestId: context.requestId });
  }

  @Mutation(() => MatchDecision, {
    description: 'Reject an agency record as this subject: the agency never matches or lists it for them again. Triage staff; audited',
  })
  rejectMatch(@Arg('input', () => MatchDecisionInputType, { description: 'The subject, the agency record that is not them, and why' }) input: MatchDecisionInputType, @Ctx() context: GatewayContext): Promise<MatchDecision> {
    const user = requireRole(context.user, CASE_WORKERS, 'reject matches');
    return recordMatchDecision(context.hub, input, MatchDecisionKind.REJECTED, { userId: user.id, requestId: context.requestId });
  }

  @FieldResolver(() => [MatchDecision], { description: 'Confirmations and rejections of agency records for this subject, oldest first' })
  matchDecisions(@Root() subject: Subject, @Ctx() context: GatewayContext): Promise<MatchDecision[]> {
    requireRole(context.user, CASE_WORKERS, 'read match decisions');
    return context.hub.getRepository(MatchDecision).find({ where: { subjectId: subject.id }, order: { decidedAt: 'ASC' } });
  }
}
