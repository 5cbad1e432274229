import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Case } from './case.entity';
import { Rag } from './enums';

/** Every rating and re-rating is kept: who, when, why (RAG is reviewed as information arrives). */
@ObjectType('RagRating', { description: 'One rating or re-rating of a case: what was given, by whom, when and why. Every one is kept' })
@Entity('rag_rating')
@Index(['caseId', 'ratedAt'])
export class RagRating {
  @Field(() => ID, { description: "The rating's id (RatingReview.ratingId refers to it)" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne('Case', 'ratings', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Case;

  @Field(() => Rag, { description: 'The rating given' })
  @Column({ type: 'varchar', length: 8 })
  rag: Rag;

  @Field(() => String, { nullable: true, description: 'Why this rating was given; withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ type: 'text' })
  rationale: string;

  @Field({ description: 'User id of who rated' })
  @Column({ name: 'rated_by', type: 'varchar', length: 200 })
  ratedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When the rating was given' })
  @Column({ name: 'rated_at', type: 'timestamptz' })
  ratedAt: Date;

  /** The due time this rating set (the history of Case.dueBy); null for ratings made before it was kept. */
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the decision became due under this rating (the case\'s dueBy as this rating set it; a re-rating to the same rating keeps the earlier due time); null for ratings given before due times were kept',
  })
  @Column({ name: 'due_by', type: 'timestamptz', nullable: true })
  dueBy: Date | null;
}
