import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AP_REASON_CODES, sqlList, type ApReason } from './code-lists';
import { Pupil } from './pupil.entity';

/**
 * A placement in alternative provision arranged by the school or the authority (DfE AP census),
 * part-time timetables at a provider included: a safeguarding question when prolonged.
 */
@Entity('alternative_provision')
@Check('chk_ap_reason', `ap_reason IN (${sqlList(AP_REASON_CODES)})`)
@Check('chk_ap_dates', 'end_date IS NULL OR end_date >= start_date')
export class AlternativeProvision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_alternative_provision' })
  id: string;

  @Index('idx_ap_pupil')
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_ap_pupil' })
  pupil?: Pupil;

  @Column({ name: 'ap_reason', type: 'varchar', length: 3 })
  apReason: ApReason;

  /** The provider's name (a PRU, an AP academy or an unregistered provider). */
  @Column({ type: 'varchar', length: 200 })
  provider: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;
}
