import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { GatewayContext } from '../../context';
import { Case } from '../entities/case.entity';
import { CloseCaseInput, FeedbackInput } from '../inputs/lifecycle.input';
import { actorOf, CASE_WORKERS } from './referral.resolver';

/** The case after its decision, and who works it: assignment, feedback to the referrer, closure. */
@Resolver(() => Case)
export class LifecycleResolver {
  @Mutation(() => Case, { description: 'Give an open case to someone (assign or reassign), or to nobody (leave assigneeId out); every change is kept in assignmentHistory and audited' })
  assignCase(
    @Arg('caseId', () => ID, { description: 'The case (its id)' }) caseId: string,
    @Ctx() context: GatewayContext,
    @Arg('assigneeId', () => String, { nullable: true, description: 'User id of who works the case from now (as their sign-in gives it); null or left out to unassign' }) assigneeId?: string | null,
    @Arg('rationale', () => String, { nullable: true, description: 'Why, if worth saying (e.g. "covering leave"); up to 1000 characters' }) rationale?: string | null,
  ): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'assign cases');
    return context.cases.assignCase({ caseId, assigneeId: assigneeId ?? null, rationale }, actorOf(user, context));
  }

  @Mutation(() => Case, { description: 'Record that the referrer was told the outcome (when, how, what); the case can then be closed. Audited' })
  recordFeedback(@Arg('input', () => FeedbackInput, { description: 'The case, when and how the referrer was told, and what' }) input: FeedbackInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'record feedback');
    return context.cases.recordFeedback(input, actorOf(user, context));
  }

  @Mutation(() => Case, {
    description: 'Close a decided case. It needs feedback to the referrer recorded (recordFeedback), or the reason none was given (feedbackWithheldReason); BAD_USER_INPUT otherwise. Audited',
  })
  closeCase(@Arg('input', () => CloseCaseInput, { description: 'The case, and why the referrer was not told if they were not' }) input: CloseCaseInput, @Ctx() context: GatewayContext): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'close cases');
    return context.cases.closeCase(input, actorOf(user, context));
  }
}
