import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A governance user's approval of a draft ISA version: one per approver per version, never the
 * proposer, never changed or deleted (migration 1764800000000).
 */
@Entity('isa_policy_approval')
export class PolicyApproval {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  version: string;

  @Column({ type: 'varchar', length: 200 })
  approver: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
