import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { ConsentMethod, ConsentStatus, DecisionOutcome, Rag } from '../entities/enums';

@InputType()
export class RateCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => Rag)
  rag: Rag;

  @Field(() => String)
  rationale: string;
}

@InputType({ description: 'Consent for a case, as recorded now; it must add up (see each field)' })
export class ConsentInput {
  @Field(() => ID, { description: 'The case the consent is for' })
  caseId: string;

  @Field(() => ConsentStatus, { description: 'Given, refused, not sought, or overridden (say why in note)' })
  status: ConsentStatus;

  @Field(() => Boolean, { description: 'Consent covers sharing for early help (standard-risk DA incidents)' })
  earlyHelpSharing: boolean;

  @Field(() => String, { nullable: true, description: 'Why, especially when consent is overridden (required then)' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Who gave (or refused) consent, e.g. "parent", "young person"; required when status is GIVEN' })
  givenBy?: string | null;

  @Field(() => ConsentMethod, { nullable: true, description: 'How consent was given or refused; required when status is GIVEN' })
  method?: ConsentMethod | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When consent was given or refused; defaults to now' })
  givenAt?: Date | null;
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
