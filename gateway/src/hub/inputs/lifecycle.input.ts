import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { FeedbackMethod, FeedbackWithheldReason } from '../entities/enums';

@InputType({ description: 'The outcome as told to the referrer, after the decision is recorded' })
export class FeedbackInput {
  @Field(() => ID, { description: 'The case (its id); it must be decided and not yet closed' })
  caseId: string;

  @Field(() => GraphQLISODateTime, { description: 'When the referrer was told; not in the future, not before the referral was received' })
  sentAt: Date;

  @Field(() => FeedbackMethod, { description: 'How the referrer was told' })
  method: FeedbackMethod;

  @Field(() => String, { description: 'What the referrer was told, in a few sentences; required, up to 4000 characters' })
  summary: string;
}

@InputType({ description: 'Closing a decided case: with feedback to the referrer recorded, or the reason none was given' })
export class CloseCaseInput {
  @Field(() => ID, { description: 'The case (its id); it must be decided and open' })
  caseId: string;

  @Field(() => FeedbackWithheldReason, { nullable: true, description: 'Why the referrer was not told the outcome; required when no feedback is recorded, refused when it is' })
  feedbackWithheldReason?: FeedbackWithheldReason | null;

  @Field(() => String, { nullable: true, description: 'Why feedback was withheld, in a sentence; required for RISK_TO_CHILD and RISK_TO_ADULT, only with feedbackWithheldReason; up to 1000 characters' })
  note?: string | null;
}
