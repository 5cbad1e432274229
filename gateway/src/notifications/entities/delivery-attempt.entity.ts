import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One delivery attempt of an onward notification (each is also an access-log entry). */
@ObjectType('OnwardNotificationAttempt', { description: 'One attempt to deliver an onward notification' })
@Entity('onward_notification_attempt')
export class DeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
  outboxId: string;

  @Field(() => Int, { description: 'The attempt number, from 1' })
  @Column({ type: 'integer' })
  attempt: number;

  @Field(() => GraphQLISODateTime, { description: 'When it was made' })
  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Field({ description: 'DELIVERED or FAILED' })
  @Column({ type: 'varchar', length: 16 })
  outcome: 'DELIVERED' | 'FAILED';

  @Field(() => Int, { nullable: true, description: "The HTTP status the recipient's system answered; null when it did not answer" })
  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  @Field(() => String, { nullable: true, description: 'What went wrong without an answer (e.g. TimeoutError, NO_ENDPOINT); null otherwise' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  error: string | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds' })
  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;
}
