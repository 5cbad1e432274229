import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import {
  CaseKind, CaseStage, CaseStatus, ConsentStatus, DecisionOutcome, FeedbackMethod, FeedbackWithheldReason, InformationRequester, Pathway, Rag, RatingConfirmation,
} from './enums';
import { RagRating } from './rag-rating.entity';
import { Subject } from './subject.entity';

/** One referral to the MASH and everything the hub itself records about it. */
// An entity so the in-gateway picture subgraph can add Case.picture and Case.riskMatrix.
@Directive('@key(fields: "id")')
@ObjectType('Case', { description: 'A referral to the MASH: the hub\'s own record' })
@Entity('mash_case')
@Index(['status', 'dueBy'])
export class Case {
  @Field(() => ID, { description: "The case's id (a UUID); use it in case(id) and the case mutations" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Human-readable reference, e.g. MASH-2026-000001' })
  @Column({ type: 'varchar', length: 32, unique: true })
  reference: string;

  @Field(() => GraphQLISODateTime, { description: 'When the MASH received the referral; decision timescales run from here' })
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => Pathway, { description: "Children's or adults' pathway, as given with the referral" })
  @Column({ type: 'varchar', length: 16 })
  pathway: Pathway;

  @Field(() => String, { nullable: true, description: 'Referrer name as given (a professional or member of the public); withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ name: 'referrer_name', type: 'varchar', length: 200 })
  referrerName: string;

  @Field(() => String, { nullable: true, description: "The referrer's organisation (e.g. a school, GP practice or police force) as given; null when not given (e.g. a member of the public)" })
  @Column({ name: 'referrer_organisation', type: 'varchar', length: 200, nullable: true })
  referrerOrganisation: string | null;

  @Field(() => String, { nullable: true, description: 'CIN census referral source code, e.g. 2A schools, 6 police' })
  @Column({ name: 'referral_source', type: 'varchar', length: 4, nullable: true })
  referralSource: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the referrer as given, e.g. a telephone number or email; null when not given. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ name: 'referrer_contact', type: 'varchar', length: 200, nullable: true })
  referrerContact: string | null;

  @Field(() => String, { nullable: true, description: 'The concern as referred; withheld (null, FORBIDDEN) from pseudonymised readers such as governance' })
  @Column({ type: 'text' })
  concern: string;

  @Field(() => Rag, { nullable: true, description: 'Current rating; null until rated' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  rag: Rag | null;

  @Field(() => RatingConfirmation, {
    name: 'ratingConfirmation',
    nullable: true,
    description: 'Whether the current rating may open the case to agency data yet; null until the case is rated',
  })
  @Column({ name: 'rating_state', type: 'varchar', length: 24, nullable: true })
  ratingState: RatingConfirmation | null;

  /** The latest entry of ragHistory, which ratingConfirmation describes. */
  @Column({ name: 'current_rating_id', type: 'uuid', nullable: true })
  currentRatingId: string | null;

  @Field(() => CaseStatus, { description: 'OPEN until the case is closed (closeCase, or recordDecision with feedback), then CLOSED; stage says where an open case is' })
  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Field(() => GraphQLISODateTime, {
    description:
      'When the decision is due: the ISA policy timescale of the rating (elapsed or working hours) from ratedAt; before rating, the unrated timescale from receipt; ' +
      'an information request, its own timescale from receipt (or its rating\'s, when sooner)',
  })
  @Column({ name: 'due_by', type: 'timestamptz' })
  dueBy: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the case was closed; null while it is open' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => ConsentStatus, { description: 'Consent as last recorded; consentHistory has every recording' })
  @Column({ name: 'consent_status', type: 'varchar', length: 16 })
  consentStatus: ConsentStatus;

  @Field({ description: 'Consent recorded for early-help sharing (lets standard-risk DA incidents be shared)' })
  @Column({ name: 'consent_early_help_sharing', type: 'boolean', default: false })
  consentEarlyHelpSharing: boolean;

  @Field(() => String, { nullable: true, description: 'The note on the consent last recorded (why it was overridden, for OVERRIDDEN); null when none. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ name: 'consent_note', type: 'varchar', length: 1000, nullable: true })
  consentNote: string | null;

  @Field(() => DecisionOutcome, { nullable: true, description: 'The MASH decision; null until it is recorded (recordDecision)' })
  @Column({ name: 'decision', type: 'varchar', length: 32, nullable: true })
  decision: DecisionOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why the decision was made, as recorded; null until decided. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ name: 'decision_rationale', type: 'text', nullable: true })
  decisionRationale: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the decision was recorded; null until decided' })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of who recorded the decision; null until decided' })
  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'What the referrer was told (the summary of the feedback); null until recorded. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ name: 'feedback_to_referrer', type: 'text', nullable: true })
  feedbackToReferrer: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the referrer was told the outcome; null until feedback is recorded' })
  @Column({ name: 'feedback_sent_at', type: 'timestamptz', nullable: true })
  feedbackSentAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  // The hub's clock (issue 11; migrations HubClock and HubClockIntake).
  @Field(() => CaseKind, { description: 'A referral, or a request for information (which never opens agency data)' })
  @Column({ type: 'varchar', length: 24, default: 'REFERRAL' })
  kind: CaseKind;

  @Field(() => InformationRequester, { nullable: true, description: 'Who asked, for an information request; null for a referral' })
  @Column({ name: 'information_requester', type: 'varchar', length: 32, nullable: true })
  informationRequester: InformationRequester | null;

  @Field(() => CaseStage, { description: 'Where the case is: received, rated, in research, decided, feedback given, closed' })
  @Column({ type: 'varchar', length: 24, default: 'RECEIVED' })
  stage: CaseStage;

  @Field(() => String, { nullable: true, description: 'User id of who is working the case now; null when nobody is (assignCase)' })
  @Column({ name: 'assignee_id', type: 'varchar', length: 200, nullable: true })
  assigneeId: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the current assignee was given the case; null when nobody is' })
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  /** When the rating that set the current timescale was given (dueBy counts from here). */
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the rating that set the current timescale was given: dueBy counts from here. A re-rating to another rating moves it; one to the same rating does not. Null until rated',
  })
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the case was first rated; null until rated' })
  @Column({ name: 'first_rated_at', type: 'timestamptz', nullable: true })
  firstRatedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When an agency was first asked about its people under the sharing agreement (research started); null until then' })
  @Column({ name: 'research_started_at', type: 'timestamptz', nullable: true })
  researchStartedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the strategy discussion (the MASH meeting acting as one) was held; recorded with the decision, required for a RED case' })
  @Column({ name: 'strategy_discussion_at', type: 'timestamptz', nullable: true })
  strategyDiscussionAt: Date | null;

  @Field(() => [String], { nullable: true, description: 'Who took part in the strategy discussion: the agencies or roles attending (e.g. police, children\'s social care, health); null when none was recorded' })
  @Column({ name: 'strategy_discussion_attendees', type: 'text', array: true, nullable: true })
  strategyDiscussionAttendees: string[] | null;

  @Field(() => FeedbackMethod, { nullable: true, description: 'How the referrer was told the outcome; null until feedback is recorded (or when recorded with recordDecision without a method)' })
  @Column({ name: 'feedback_method', type: 'varchar', length: 24, nullable: true })
  feedbackMethod: FeedbackMethod | null;

  @Field(() => String, { nullable: true, description: 'User id of who recorded the feedback to the referrer; null until recorded' })
  @Column({ name: 'feedback_by', type: 'varchar', length: 200, nullable: true })
  feedbackBy: string | null;

  @Field(() => FeedbackWithheldReason, { nullable: true, description: 'Why the case was closed without feedback to the referrer; null when feedback was given or the case is open' })
  @Column({ name: 'feedback_withheld_reason', type: 'varchar', length: 32, nullable: true })
  feedbackWithheldReason: FeedbackWithheldReason | null;

  @Field(() => String, { nullable: true, description: 'The note on why feedback was withheld; null when none. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ name: 'feedback_withheld_note', type: 'text', nullable: true })
  feedbackWithheldNote: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the submission made under idempotencyKey: a retry must carry the same. */
  @Column({ name: 'idempotency_digest', type: 'varchar', length: 64, nullable: true })
  idempotencyDigest: string | null;

  /** The earlier case this one re-refers (Case.reReferralOf in GraphQL resolves it). */
  @Column({ name: 're_referral_of', type: 'uuid', nullable: true })
  reReferralOf: string | null;

  @OneToMany(() => Subject, (subject) => subject.case)
  subjects: Subject[];

  @OneToMany(() => RagRating, (rating) => rating.case)
  ratings: RagRating[];
}
