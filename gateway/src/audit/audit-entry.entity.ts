import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionFacts } from './chain';

/** What was audited (ARCHITECTURE.md "Audit and disclosure"). */
export enum AuditKind {
  AGENCY_FETCH = 'AGENCY_FETCH',
  CASE_MUTATION = 'CASE_MUTATION',
  POLICY_CHANGE = 'POLICY_CHANGE',
  AUDIT_READ = 'AUDIT_READ',
  /** A read of the hub's own record of a case (its subjects, concern...): once per request per case. */
  CASE_READ = 'CASE_READ',
  /** A request refused for its size or rate before anything was read or fetched. */
  REQUEST_REFUSED = 'REQUEST_REFUSED',
  /** A governance user acknowledging an alert (alerts/): the alert's id and kind; the note stays with the alert. */
  ALERT_REVIEW = 'ALERT_REVIEW',
}

/** RECORDED is for entries that are not a decision (a case mutation, a policy change). */
export enum AuditDecision {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
  RECORDED = 'RECORDED',
}

/**
 * One entry of the hub's access log. The table is created by the AuditLog migration (hand-written
 * SQL, with the triggers that refuse change); this class only maps it. Ids only, never a person's
 * name: the log outlives the case and is read by people who must not learn who the subjects are.
 */
@Entity('audit_log')
export class AuditEntry {
  /** Chain order. bigint arrives from pg as a string, which keeps it exact beyond 2^53. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  kind: AuditKind;

  @Column({ name: 'actor_id', type: 'varchar', length: 200, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;

  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId: string | null;

  @Column({ name: 'subject_ids', type: 'text', array: true })
  subjectIds: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  agency: string | null;

  /** The GraphQL fields the request asked for, e.g. `police.matches.record.offences`. */
  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ type: 'varchar', length: 16 })
  decision: AuditDecision;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rule: string | null;

  @Column({ name: 'policy_version', type: 'varchar', length: 64, nullable: true })
  policyVersion: string | null;

  /** Plain words for a reader; ids only, never names. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'grant_id', type: 'varchar', length: 64, nullable: true })
  grantId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  /**
   * What a decision was taken on (purpose, the case's facts, the levels released and fields
   * withheld), so it can be re-evaluated under another policy version; null for entries that are
   * not agency-fetch decisions and for every entry written before the column existed. Hashed only
   * when not null, so those older entries keep their hashes.
   */
  @Column({ type: 'jsonb', nullable: true })
  facts: DecisionFacts | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, unique: true })
  prevHash: string;

  @Column({ type: 'char', length: 64, unique: true })
  hash: string;
}
