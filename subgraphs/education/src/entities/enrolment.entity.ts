import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ENROL_STATUSES, sqlList, type EnrolStatus } from './code-lists';
import { Pupil } from './pupil.entity';
import { School } from './school.entity';

/** A pupil's registration at a school (census enrolment). */
@Entity('enrolment')
@Check('chk_enrolment_status', `enrol_status IN (${sqlList(ENROL_STATUSES)})`)
@Check('chk_enrolment_dates', `leaving_date IS NULL OR leaving_date >= entry_date`)
export class Enrolment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_enrolment' })
  id: string;

  @Index('idx_enrolment_pupil')
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_enrolment_pupil' })
  pupil?: Pupil;

  @Index('idx_enrolment_school')
  @Column({ name: 'school_urn', type: 'varchar', length: 6 })
  schoolUrn: string;

  @ManyToOne(() => School)
  @JoinColumn({ name: 'school_urn', foreignKeyConstraintName: 'fk_enrolment_school' })
  school?: School;

  @Column({ name: 'entry_date', type: 'date' })
  entryDate: string;

  @Column({ name: 'leaving_date', type: 'date', nullable: true })
  leavingDate: string | null;

  @Column({ name: 'enrol_status', type: 'varchar', length: 1 })
  enrolStatus: EnrolStatus;

  /** A reduced timetable; a safeguarding concern when prolonged (DfE attendance guidance 2024). */
  @Column({ name: 'part_time', type: 'boolean', default: false })
  partTime: boolean;

  @Column({ name: 'on_roll', type: 'boolean' })
  onRoll: boolean;
}
