import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** DRAFT: proposed, changes nothing yet. ACTIVE: in force (at most one). RETIRED: replaced, or withdrawn as a draft. */
export type PolicyVersionStatus = 'DRAFT' | 'ACTIVE' | 'RETIRED';

/**
 * One version of the ISA as proposed, with who activated and retired it. The database refuses any
 * change to the document or the proposal, any status change but DRAFT -> ACTIVE -> RETIRED or
 * DRAFT -> RETIRED, and an activation without its checkers (migrations 1764210000000 and
 * 1764800000000), so the history of what the hub enforced, who decided and why stands.
 */
@Entity('isa_policy_version')
export class PolicyVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  version: string;

  @Column({ type: 'jsonb' })
  document: unknown;

  /** SHA-256 of the document's canonical JSON, re-checked whenever the active version is loaded. */
  @Column({ name: 'document_hash', type: 'varchar', length: 64 })
  documentHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: PolicyVersionStatus;

  @Column({ name: 'proposed_by', type: 'varchar', length: 200 })
  proposedBy: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  /** Why it was proposed. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'activated_by', type: 'varchar', length: 200, nullable: true })
  activatedBy: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ name: 'activation_reason', type: 'text', nullable: true })
  activationReason: string | null;

  @Column({ name: 'retired_by', type: 'varchar', length: 200, nullable: true })
  retiredBy: string | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** Why a draft was withdrawn, or which version replaced an active one. */
  @Column({ name: 'retirement_reason', type: 'text', nullable: true })
  retirementReason: string | null;

  /** Set at activation: how many people other than the proposer had to approve (the activator included): 1, or 2 when it widened sharing. */
  @Column({ name: 'approvers_needed', type: 'smallint', nullable: true })
  approversNeeded: number | null;

  /** Set at activation: how it widened sharing compared with the version it replaced, in plain sentences. */
  @Column({ type: 'jsonb', nullable: true })
  widening: string[] | null;
}
