import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStatus, ConsentStatus, DecisionOutcome, Pathway, Rag, RatingConfirmation } from './enums';
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

  @Field(() => CaseStatus, { description: 'OPEN until the MASH decision is recorded, then CLOSED' })
  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Field(() => GraphQLISODateTime, { description: 'When a decision is due, from the policy timescale for the rating' })
  @Column({ name: 'due_by', type: 'timestamptz' })
  dueBy: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the case was closed (the decision was recorded); null while it is open' })
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

  @Field(() => DecisionOutcome, { nullable: true, description: 'The MASH decision; null until it is recorded (which closes the case)' })
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

  @Field(() => String, { nullable: true, description: 'What the referrer was told' })
  @Column({ name: 'feedback_to_referrer', type: 'text', nullable: true })
  feedbackToReferrer: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the feedback to the referrer was recorded (with the decision); null until decided' })
  @Column({ name: 'feedback_sent_at', type: 'timestamptz', nullable: true })
  feedbackSentAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  // The hub's clock (issue 11; migration HubClock). GraphQL fields for these are added with the lifecycle.
  @Column({ type: 'varchar', length: 24, default: 'REFERRAL' })
  kind: 'REFERRAL' | 'INFORMATION_REQUEST';

  @Column({ name: 'information_requester', type: 'varchar', length: 32, nullable: true })
  informationRequester: 'FAMILY_COURT' | 'CAFCASS' | 'PROBATION' | 'OTHER_LOCAL_AUTHORITY' | 'OTHER' | null;

  @Column({ type: 'varchar', length: 24, default: 'RECEIVED' })
  stage: 'RECEIVED' | 'RATED' | 'IN_RESEARCH' | 'DECIDED' | 'FEEDBACK_GIVEN' | 'CLOSED';

  @Column({ name: 'assignee_id', type: 'varchar', length: 200, nullable: true })
  assigneeId: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  /** When the rating that set the current timescale was given (dueBy counts from here). */
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ name: 'research_started_at', type: 'timestamptz', nullable: true })
  researchStartedAt: Date | null;

  @Column({ name: 'strategy_discussion_at', type: 'timestamptz', nullable: true })
  strategyDiscussionAt: Date | null;

  @Column({ name: 'strategy_discussion_attendees', type: 'text', array: true, nullable: true })
  strategyDiscussionAttendees: string[] | null;

  @Column({ name: 'feedback_method', type: 'varchar', length: 24, nullable: true })
  feedbackMethod: 'EMAIL' | 'PHONE' | 'LETTER' | 'SECURE_MESSAGE' | 'IN_PERSON' | 'PORTAL' | null;

  @Column({ name: 'feedback_by', type: 'varchar', length: 200, nullable: true })
  feedbackBy: string | null;

  @Column({ name: 'feedback_withheld_reason', type: 'varchar', length: 32, nullable: true })
  feedbackWithheldReason: 'ANONYMOUS_REFERRER' | 'RISK_TO_CHILD' | 'RISK_TO_ADULT' | 'REFERRER_UNREACHABLE' | null;

  @Column({ name: 'feedback_withheld_note', type: 'text', nullable: true })
  feedbackWithheldNote: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 're_referral_of', type: 'uuid', nullable: true })
  reReferralOf: string | null;

  @OneToMany(() => Subject, (subject) => subject.case)
  subjects: Subject[];

  @OneToMany(() => RagRating, (rating) => rating.case)
  ratings: RagRating[];
}
