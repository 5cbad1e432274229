import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pupil } from './pupil.entity';

/** A period of eligibility for free school meals (census FSM periods): a proxy for deprivation. */
@Entity('fsm_period')
@Check('chk_fsm_dates', 'end_date IS NULL OR end_date >= start_date')
export class FsmPeriod {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_fsm_period' })
  id: string;

  @Index('idx_fsm_pupil')
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_fsm_pupil' })
  pupil?: Pupil;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;
}
