import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentStatus } from './enums';

/** Consent history: each recording is kept, the case holds the current state. */
@ObjectType('ConsentRecord')
@Entity('consent_record')
@Index(['caseId', 'recordedAt'])
export class ConsentRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field(() => ConsentStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ConsentStatus;

  @Field()
  @Column({ name: 'early_help_sharing', type: 'boolean' })
  earlyHelpSharing: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field()
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy: string;

  @Field(() => GraphQLISODateTime)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
