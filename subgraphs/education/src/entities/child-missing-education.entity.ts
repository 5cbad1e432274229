import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CME_REASONS, CME_STATUSES, sqlList, type CmeReason, type CmeStatus } from './code-lists';
import { Pupil } from './pupil.entity';

/**
 * A child of compulsory school age not on a roll and not receiving suitable education otherwise
 * (Education Act 1996 s436A; CME statutory guidance 2016), as the authority records it.
 */
@Entity('child_missing_education')
@Check('chk_cme_reason', `reason IN (${sqlList(CME_REASONS)})`)
@Check('chk_cme_status', `status IN (${sqlList(CME_STATUSES)})`)
@Check('chk_cme_closed', `(status = 'CLOSED') = (closed_date IS NOT NULL)`)
export class ChildMissingEducation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_child_missing_education' })
  id: string;

  @Index('idx_cme_pupil')
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_cme_pupil' })
  pupil?: Pupil;

  @Column({ name: 'reported_date', type: 'date' })
  reportedDate: string;

  @Column({ type: 'varchar', length: 24 })
  reason: CmeReason;

  @Column({ type: 'varchar', length: 8 })
  status: CmeStatus;

  @Column({ name: 'closed_date', type: 'date', nullable: true })
  closedDate: string | null;
}
