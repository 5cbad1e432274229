import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AlertEvidenceLog, GovernanceAlertKind, GovernanceAlertSeverity, GovernanceAlertStatus } from './enums';

@ObjectType({ description: 'One entry an alert rests on: where it is, so a reviewer can read it there' })
export class AlertEvidence {
  @Field(() => AlertEvidenceLog, { description: "The hub's access log or an agency's disclosure log" })
  log: AlertEvidenceLog;

  @Field(() => String, { nullable: true, description: 'For DISCLOSURE_LOG: the agency whose log it is (police, social-care, health, education); null for the access log' })
  agency: string | null;

  @Field({ description: "The entry's position in its log's chain (a bigint, as a string)" })
  seq: string;

  @Field(() => ID, { description: "The entry's id (a UUID)" })
  id: string;
}

/**
 * An alert for governance review (created by the GovernanceAlerts migration, which also holds the
 * triggers that keep it append-only). Ids and codes only: the summary never names a person.
 */
@ObjectType({ description: 'An alert for governance review: something in the access log or a disclosure log a governance lead should look at, acknowledged with a note. Ids only, never names' })
@Entity('governance_alert')
export class GovernanceAlert {
  @Field(() => ID, { description: "The alert's id (a UUID)" })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Order of raising, for cursors; bigint arrives from pg as a string. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Field({ description: "The id of the ISA policy's alert rule that raised it, e.g. repeated-denials" })
  @Column({ name: 'rule_id', type: 'varchar', length: 64 })
  ruleId: string;

  @Field(() => GovernanceAlertKind, { description: 'What the rule looks for' })
  @Column({ type: 'varchar', length: 32 })
  kind: GovernanceAlertKind;

  @Field(() => GovernanceAlertSeverity, { description: "How urgently it wants a look, from the rule" })
  @Column({ type: 'varchar', length: 8 })
  severity: GovernanceAlertSeverity;

  /** The same finding always has the same key (UNIQUE), so a rescan never raises it twice. */
  @Column({ name: 'dedup_key', type: 'varchar', length: 400 })
  dedupKey: string;

  @Field(() => String, { nullable: true, description: "The hub user's id the alert is about (an id, never a name); for UNISSUED_GRANT the user the grant claimed; null when none" })
  @Column({ name: 'user_id', type: 'varchar', length: 200, nullable: true })
  userId: string | null;

  @Field(() => ID, { nullable: true, description: 'The case concerned (for UNISSUED_GRANT the case the grant claimed); null when the alert is about more than one case or none' })
  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId: string | null;

  @Field(() => String, { nullable: true, description: 'The agency concerned, when one agency is; null otherwise' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  agency: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the first event the alert rests on happened' })
  @Column({ name: 'span_from', type: 'timestamptz' })
  from: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the last event the alert rests on happened' })
  @Column({ name: 'span_to', type: 'timestamptz' })
  to: Date;

  @Field({ description: 'What happened, in plain words, with ids and times (never names)' })
  @Column({ type: 'text' })
  summary: string;

  @Field(() => [AlertEvidence], { description: 'The log entries the alert rests on, oldest first (at most 50)' })
  @Column({ type: 'jsonb' })
  evidence: AlertEvidence[];

  @Field(() => String, { nullable: true, description: 'The ISA policy version whose rule raised it; null when no policy was active (the built-in rules were used)' })
  @Column({ name: 'policy_version', type: 'varchar', length: 64, nullable: true })
  policyVersion: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the scan raised it' })
  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Field(() => GovernanceAlertStatus, { description: 'OPEN until a governance user acknowledges it' })
  @Column({ type: 'varchar', length: 16 })
  status: GovernanceAlertStatus;

  @Field(() => String, { nullable: true, description: 'User id of the governance user who acknowledged it; null while OPEN' })
  @Column({ name: 'acknowledged_by', type: 'varchar', length: 200, nullable: true })
  acknowledgedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was acknowledged; null while OPEN' })
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The reviewer's note: what they found and did; null while OPEN" })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
