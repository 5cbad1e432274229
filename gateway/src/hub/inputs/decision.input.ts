import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { ConsentMethod, ConsentStatus, DecisionOutcome, Rag } from '../entities/enums';

@InputType({ description: 'A rating (or re-rating) of an open case' })
export class RateCaseInput {
  @Field(() => ID, { description: 'The case to rate (its id, as cases or case returns it); it must be open' })
  caseId: string;

  @Field(() => Rag, { description: 'The rating. It also resets dueBy: when the referral was received plus the policy timescale for this rating' })
  rag: Rag;

  @Field(() => String, { description: 'Why this rating, in your own words; required, up to 4000 characters' })
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

@InputType({ description: 'The MASH decision on an open, rated case; recording it closes the case' })
export class DecisionInput {
  @Field(() => ID, { description: 'The case decided (its id); it must be open and already rated' })
  caseId: string;

  @Field(() => DecisionOutcome, { description: 'What happens next' })
  outcome: DecisionOutcome;

  @Field(() => String, { description: 'Why, in your own words; required, up to 4000 characters' })
  rationale: string;

  @Field(() => String, { description: 'What the referrer is told; the hub gives feedback on every referral. Required, up to 4000 characters' })
  feedbackToReferrer: string;
}
