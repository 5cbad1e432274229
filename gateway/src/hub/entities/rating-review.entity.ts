import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Rag, RatingReviewKind, RatingReviewStatus } from './enums';

/**
 * A second look at one rating that opens a case to agency data: either a confirmation awaited
 * before anything is shared, or the review of an urgent rating that shared at once. Who rated,
 * who recorded the referral and who closed the review are kept, so the separation of duties can be
 * shown after the fact.
 */
@ObjectType('RatingReview', { description: 'A second person\'s check of a rating that opens a case to agency data' })
@Entity('rating_review')
@Index(['status', 'openedAt'])
export class RatingReview {
  @Field(() => ID, { description: 'The review\'s id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The case whose rating is reviewed' })
  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field({ description: 'The case\'s reference, e.g. MASH-2026-000001' })
  @Column({ name: 'case_reference', type: 'varchar', length: 32 })
  caseReference: string;

  @Field(() => ID, { description: 'The rating under review (one entry of the case\'s ragHistory)' })
  @Column({ name: 'rating_id', type: 'uuid', unique: true })
  ratingId: string;

  @Field(() => RatingReviewKind, { description: 'A confirmation awaited before sharing, or the review of an urgent rating' })
  @Column({ type: 'varchar', length: 16 })
  kind: RatingReviewKind;

  @Field(() => RatingReviewStatus, { description: 'Open, or how it was closed' })
  @Column({ type: 'varchar', length: 16 })
  status: RatingReviewStatus;

  @Field(() => Rag, { description: 'The rating under review' })
  @Column({ type: 'varchar', length: 8 })
  rag: Rag;

  @Field({ description: 'User id of who gave the rating; they cannot confirm it' })
  @Column({ name: 'rated_by', type: 'varchar', length: 200 })
  ratedBy: string;

  @Field({ description: 'User id of who recorded the referral; they cannot confirm its rating either' })
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When the rating was given and the review opened' })
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Field(() => String, { nullable: true, description: 'User id of who confirmed or overturned it (for SUPERSEDED: who re-rated the case)' })
  @Column({ name: 'closed_by', type: 'varchar', length: 200, nullable: true })
  closedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the review was closed; null while it is open' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was confirmed or overturned, in the words of whoever closed it' })
  @Column({ name: 'closing_rationale', type: 'text', nullable: true })
  closingRationale: string | null;
}
