import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PolicyVersionStatus = 'PROPOSED' | 'ACTIVE' | 'RETIRED';

/**
 * One version of the ISA as proposed, with who activated and retired it. The database refuses any
 * change to the document or the proposal and any status change but PROPOSED -> ACTIVE -> RETIRED
 * (migration 1764210000000), so the history of what the hub enforced, who decided and why stands.
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
}
