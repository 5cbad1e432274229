import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An agency's own record of what left its system, to whom and why (ARCHITECTURE.md "Audit and
 * disclosure"): one row per subject answered under a grant. Each agency's migration creates the
 * `disclosure_log` table with exactly these columns.
 */
@Entity('disclosure_log')
@Index('idx_disclosure_log_case', ['caseId', 'disclosedAt'])
@Index('idx_disclosure_log_grant', ['grantId'])
export class DisclosureLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'disclosed_at', type: 'timestamptz' })
  disclosedAt: Date;

  @Column({ name: 'grant_id', type: 'varchar', length: 64, nullable: true })
  grantId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64 })
  requestId: string;

  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true })
  caseId: string | null;

  @Column({ name: 'user_id', type: 'varchar', length: 200, nullable: true })
  userId: string | null;

  @Column({ name: 'purpose', type: 'varchar', length: 200, nullable: true })
  purpose: string | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId: string;

  @Column({ name: 'match_status', type: 'varchar', length: 16 })
  matchStatus: string;

  /** The agency's own record ids disclosed for that subject (empty when NOT_KNOWN). */
  @Column({ name: 'record_ids', type: 'text', array: true })
  recordIds: string[];

  @Column({ name: 'obligations', type: 'text', array: true })
  obligations: string[];

  /** Chain order (bigint, so a string), assigned by the database as the row is appended. */
  @Column({ name: 'seq', type: 'bigint', insert: false, update: false })
  seq: string;

  /** The hash of the row before it (all zeros for the first): see the DisclosureChain migration. */
  @Column({ name: 'prev_hash', type: 'char', length: 64, insert: false, update: false })
  prevHash: string;

  /** sha256 over this row's canonical JSON with prev_hash (`disclosureHash`). */
  @Column({ name: 'hash', type: 'char', length: 64, insert: false, update: false })
  hash: string;
}

/**
 * The SQL each agency's initial migration runs to create the table above, before the kit's
 * DisclosureChain migration adds `seq`, `prev_hash` and `hash` and makes it append-only.
 */
export const DISCLOSURE_LOG_DDL = `
CREATE TABLE disclosure_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  disclosed_at timestamptz NOT NULL DEFAULT now(),
  grant_id varchar(64),
  request_id varchar(64) NOT NULL,
  case_id varchar(64),
  user_id varchar(200),
  purpose varchar(200),
  subject_id varchar(64) NOT NULL,
  match_status varchar(16) NOT NULL,
  record_ids text[] NOT NULL,
  obligations text[] NOT NULL
);
CREATE INDEX idx_disclosure_log_case ON disclosure_log (case_id, disclosed_at);
CREATE INDEX idx_disclosure_log_grant ON disclosure_log (grant_id);
`;
