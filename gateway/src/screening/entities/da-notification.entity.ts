import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DashRisk, ScreeningOutcome, ScreeningStatus } from './enums';

/**
 * A police domestic abuse notification (a public protection notice) of standard or medium risk,
 * waiting in the MASH's screening queue or screened. The people it names are in `people`.
 */
@ObjectType('DomesticAbuseNotification', {
  description:
    'A police domestic abuse notification (public protection notice) of STANDARD or MEDIUM risk: waiting to be screened, or screened with its outcome. ' +
    'Who it names and what happened are withheld (null, FORBIDDEN) from pseudonymised readers such as governance',
})
@Entity('da_notification')
@Index(['status', 'receivedAt'])
export class DomesticAbuseNotification {
  @Field(() => ID, { description: "The notification's id (a UUID); use it in screenDomesticAbuseNotification" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: "The police force's own reference for the incident (occurrence number); a notification is received once per reference" })
  @Column({ name: 'police_reference', type: 'varchar', length: 64, unique: true })
  policeReference: string;

  @Field(() => String, { nullable: true, description: 'The police force that sent it, e.g. Warwickshire Police; null when not given' })
  @Column({ name: 'police_force', type: 'varchar', length: 100, nullable: true })
  policeForce: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the incident happened' })
  @Column({ name: 'incident_at', type: 'timestamptz' })
  incidentAt: Date;

  @Field(() => DashRisk, { description: "The attending officer's DASH risk level: STANDARD or MEDIUM (high risk never comes to this queue)" })
  @Column({ name: 'dash_risk', type: 'varchar', length: 8 })
  dashRisk: DashRisk;

  @Field({ description: 'Children were present at the incident: their schools are told (Operation Encompass) once it is screened' })
  @Column({ name: 'children_present', type: 'boolean' })
  childrenPresent: boolean;

  @Field(() => String, { nullable: true, description: "The police summary of the incident; null when none was sent. Withheld (null, FORBIDDEN) from pseudonymised readers; never sent to schools or GPs" })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** sha256 of the notification as first received: a repeat with other details is refused. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Field(() => GraphQLISODateTime, { description: 'When the MASH received it; its age in the queue counts from here' })
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Field({ description: "User id of the police system's account that sent it" })
  @Column({ name: 'received_by', type: 'varchar', length: 200 })
  receivedBy: string;

  @Field(() => ScreeningStatus, { description: 'WAITING to be screened, or SCREENED' })
  @Column({ type: 'varchar', length: 16, default: ScreeningStatus.WAITING })
  status: ScreeningStatus;

  @Field(() => ScreeningOutcome, { nullable: true, description: 'The screening outcome; null while waiting' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: ScreeningOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why the screener decided as they did; null while waiting. Withheld (null, FORBIDDEN) from pseudonymised readers' })
  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Field({ description: "The family's consent to early help was recorded at screening (required for EARLY_HELP_OFFER)" })
  @Column({ name: 'consent_recorded', type: 'boolean', default: false })
  consentRecorded: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was screened; null while waiting' })
  @Column({ name: 'screened_at', type: 'timestamptz', nullable: true })
  screenedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'User id of who screened it; null while waiting' })
  @Column({ name: 'screened_by', type: 'varchar', length: 200, nullable: true })
  screenedBy: string | null;

  @Field(() => ID, { nullable: true, description: 'The MASH case it was escalated to (ESCALATE_TO_CASE); null otherwise' })
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Who is screening it right now (a claim that lapses after a few minutes), so two screeners never both escalate it. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 200, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;
}
