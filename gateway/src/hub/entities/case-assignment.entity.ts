import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every assignment, reassignment and unassignment of a case is kept: to whom, by whom, when, why. */
@ObjectType('CaseAssignment', { description: 'One assignment, reassignment or unassignment of a case: to whom, from whom, by whom, when and why' })
@Entity('mash_case_assignment')
export class CaseAssignment {
  @Field(() => ID, { description: "The assignment's id" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field(() => String, { nullable: true, description: 'User id of who the case was given to; null when it was unassigned' })
  @Column({ name: 'assignee_id', type: 'varchar', length: 200, nullable: true })
  assigneeId: string | null;

  @Field(() => String, { nullable: true, description: 'User id of who had the case before; null when nobody had' })
  @Column({ name: 'previous_assignee_id', type: 'varchar', length: 200, nullable: true })
  previousAssigneeId: string | null;

  @Field(() => String, { nullable: true, description: 'Why, as given; null when none. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Field({ description: 'User id of who made the change' })
  @Column({ name: 'assigned_by', type: 'varchar', length: 200 })
  assignedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When the change was made' })
  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
