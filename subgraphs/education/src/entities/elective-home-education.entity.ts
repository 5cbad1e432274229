import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EHE_SUITABILITY_OUTCOMES, sqlList, type EheSuitabilityOutcome } from './code-lists';
import { Pupil } from './pupil.entity';

/** A parent's notice that their child is educated at home (Education Act 1996 s7). */
@Entity('elective_home_education')
@Check('chk_ehe_outcome', `suitability_outcome IN (${sqlList(EHE_SUITABILITY_OUTCOMES)})`)
@Check('chk_ehe_previous_school', `previous_school_urn IS NULL OR previous_school_urn ~ '^[0-9]{6}$'`)
@Check('chk_ehe_dates', 'ended_date IS NULL OR ended_date >= notified_date')
export class ElectiveHomeEducation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_elective_home_education' })
  id: string;

  @Index('idx_ehe_pupil')
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_ehe_pupil' })
  pupil?: Pupil;

  @Column({ name: 'notified_date', type: 'date' })
  notifiedDate: string;

  /** May be a school outside the authority, so not a foreign key. */
  @Column({ name: 'previous_school_urn', type: 'varchar', length: 6, nullable: true })
  previousSchoolUrn: string | null;

  @Column({ name: 'la_visit_date', type: 'date', nullable: true })
  laVisitDate: string | null;

  @Column({ name: 'suitability_outcome', type: 'varchar', length: 16 })
  suitabilityOutcome: EheSuitabilityOutcome;

  /** Set when the child returns to school or leaves the area. */
  @Column({ name: 'ended_date', type: 'date', nullable: true })
  endedDate: string | null;
}
