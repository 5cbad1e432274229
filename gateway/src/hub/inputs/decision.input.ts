import { Field, ID, InputType } from 'type-graphql';
import { ConsentStatus, DecisionOutcome, Rag } from '../entities/enums';

@InputType()
export class RateCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => Rag)
  rag: Rag;

  @Field(() => String)
  rationale: string;
}

@InputType()
export class ConsentInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ConsentStatus)
  status: ConsentStatus;

  @Field(() => Boolean, { description: 'Consent covers sharing for early help (standard-risk DA incidents)' })
  earlyHelpSharing: boolean;

  @Field(() => String, { nullable: true, description: 'Why, especially when consent is overridden' })
  note?: string | null;
}

@InputType()
export class DecisionInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => String)
  rationale: string;

  @Field(() => String, { description: 'What the referrer is told; the hub gives feedback on every referral' })
  feedbackToReferrer: string;
}
