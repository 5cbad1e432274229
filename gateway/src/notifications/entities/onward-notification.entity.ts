import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OnwardNotificationKind, OnwardNotificationProblem, OnwardNotificationStatus } from './enums';

/**
 * One row of the transactional outbox: a message to a school or GP about a domestic abuse
 * incident a child was present at, written in the same transaction as the screening decision
 * and delivered by the dispatcher. It carries no personal data in its GraphQL fields.
 */
@ObjectType('OnwardNotification', {
  description:
    "A message to a child's school (Operation Encompass) or GP about a domestic abuse incident the child was present at: " +
    'queued when the notification is screened, delivered with retries. Its fields hold ids, codes and times, never who the people are',
})
@Entity('onward_notification')
export class OnwardNotification {
  @Field(() => ID, { description: "The outbox entry's id; the recipient receives it as the message's reference" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The domestic abuse notification it comes from' })
  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Field(() => ID, { nullable: true, description: 'The MASH case the recipient was looked up through; null when there was none' })
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Field(() => ID, { nullable: true, description: "The case subject (the child) the recipient was looked up for; null without a case" })
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  @Field(() => ID, { description: 'The child, as a person of the domestic abuse notification' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => OnwardNotificationKind, { description: 'Operation Encompass (the school) or the GP' })
  @Column({ type: 'varchar', length: 24 })
  kind: OnwardNotificationKind;

  @Field(() => String, { nullable: true, description: "The school's URN (GIAS) or the GP practice's ODS code; null when not found" })
  @Column({ name: 'recipient_code', type: 'varchar', length: 16, nullable: true })
  recipientCode: string | null;

  @Field(() => String, { nullable: true, description: "The school's or practice's name; null when not found" })
  @Column({ name: 'recipient_name', type: 'varchar', length: 200, nullable: true })
  recipientName: string | null;

  @Field(() => String, { nullable: true, description: "Who to call there if delivery fails: the school's DSL role and line, as education gives it; null for a GP or when not found" })
  @Column({ name: 'recipient_contact', type: 'varchar', length: 200, nullable: true })
  recipientContact: string | null;

  @Field(() => OnwardNotificationStatus, { description: 'Pending, retrying, delivered, failed, or the recipient not found' })
  @Column({ type: 'varchar', length: 24 })
  status: OnwardNotificationStatus;

  @Field(() => OnwardNotificationProblem, { nullable: true, description: 'Why it has not reached the recipient (yet); null when delivered or not yet tried' })
  @Column({ name: 'failure_code', type: 'varchar', length: 24, nullable: true })
  failureCode: OnwardNotificationProblem | null;

  @Field(() => String, { nullable: true, description: 'The problem in plain words (ids, codes and rules only); null when there is none' })
  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  /** Exactly what is sent: what the agreement allows the recipient (content.ts). */
  @Column({ type: 'jsonb', nullable: true })
  payload: Record<string, unknown> | null;

  @Field(() => GraphQLISODateTime, { description: 'When the recipient must have it by: 08:30 (Europe/London) on the next school day after screening' })
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next delivery attempt is due; null when delivered, failed or not found' })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => Int, { description: 'Delivery attempts so far, in all rounds' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Attempts since it was queued or last retried by a manager; the dispatcher gives up at its maximum. */
  @Column({ name: 'round_attempts', type: 'integer', default: 0 })
  roundAttempts: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last tried; null before the first attempt' })
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the recipient's system accepted it; null until then" })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** A dispatcher's claim while it delivers (several gateway processes may dispatch). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was queued (the screening decision)' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: 'User id of who screened the notification (or retried the look-up)' })
  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;
}
