import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { ConsentMethod, ConsentStatus, DecisionOutcome, FeedbackMethod, Rag } from '../entities/enums';

@InputType({ description: 'A rating (or re-rating) of an open case' })
export class RateCaseInput {
  @Field(() => ID, { description: 'The case to rate (its id, as cases or case returns it); it must be open' })
  caseId: string;

  @Field(() => Rag, { description: 'The rating. Another rating than the current one starts its timescale now (ratedAt, dueBy); the same rating keeps the due time' })
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

@InputType({ description: 'The MASH decision on an open, rated case. With feedbackToReferrer it also records the feedback and closes the case (as before); without, the case waits for recordFeedback and closeCase' })
export class DecisionInput {
  @Field(() => ID, { description: 'The case decided (its id); it must be open and already rated' })
  caseId: string;

  @Field(() => DecisionOutcome, { description: 'What happens next' })
  outcome: DecisionOutcome;

  @Field(() => String, { description: 'Why, in your own words; required, up to 4000 characters' })
  rationale: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the referrer is told, if they were told with the decision: records the feedback now and closes the case. Leave out to record feedback later (recordFeedback). Up to 4000 characters',
  })
  feedbackToReferrer?: string | null;

  @Field(() => FeedbackMethod, { nullable: true, description: 'How the referrer was told, with feedbackToReferrer' })
  feedbackMethod?: FeedbackMethod | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the strategy discussion (the MASH meeting acting as one) was held; required for a RED case, not in the future' })
  strategyDiscussionAt?: Date | null;

  @Field(() => [String], {
    nullable: true,
    description: "Who took part in the strategy discussion: the agencies or roles attending, at least two (e.g. \"police\", \"children's social care\", \"health\"); required for a RED case",
  })
  strategyDiscussionAttendees?: string[] | null;
}
