import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentMethod, ConsentStatus } from './enums';

/** Consent history: each recording is kept, the case holds the current state. */
@ObjectType('ConsentRecord', { description: 'One recording of consent for a case: what was decided, who gave or refused it, how, when, and who recorded it' })
@Entity('consent_record')
@Index(['caseId', 'recordedAt'])
export class ConsentRecord {
  @Field(() => ID, { description: 'The consent record\'s id' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field(() => ConsentStatus, { description: 'Given, refused, not sought, or overridden (with the reason in note)' })
  @Column({ type: 'varchar', length: 16 })
  status: ConsentStatus;

  @Field({ description: 'Whether the consent covers sharing for early help (standard-risk domestic-abuse incidents)' })
  @Column({ name: 'early_help_sharing', type: 'boolean' })
  earlyHelpSharing: boolean;

  @Field(() => String, { nullable: true, description: 'Why; required when consent is overridden. Withheld from pseudonymised readers' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Who gave or refused consent, e.g. "parent", "young person"; withheld from pseudonymised readers' })
  @Column({ name: 'given_by', type: 'varchar', length: 200, nullable: true })
  givenBy: string | null;

  @Field(() => ConsentMethod, { nullable: true, description: 'How consent was given or refused' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  method: ConsentMethod | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When consent was given or refused (not when it was recorded)' })
  @Column({ name: 'given_at', type: 'timestamptz', nullable: true })
  givenAt: Date | null;

  @Field({ description: 'User id of who recorded it' })
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded' })
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
