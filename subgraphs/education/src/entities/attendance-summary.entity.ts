import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TERMS, sqlList, type Term } from './code-lists';
import { Pupil } from './pupil.entity';
import { School } from './school.entity';

/**
 * Sessions possible and missed in one term at one school. Only raw counts are stored: the
 * percentage and persistent/severe absence are derived in code, so a change of threshold
 * (persistent = 10% since 2015/16) never leaves stale truths in the table.
 */
@Entity('attendance_summary')
@Index('uq_attendance_summary_term', ['pupilId', 'schoolUrn', 'academicYear', 'term'], { unique: true })
@Check('chk_attendance_summary_term', `term IN (${sqlList(TERMS)})`)
@Check('chk_attendance_summary_year', `academic_year ~ '^[0-9]{4}/[0-9]{2}$'`)
@Check(
  'chk_attendance_summary_sessions',
  'sessions_authorised >= 0 AND sessions_unauthorised >= 0 AND sessions_authorised + sessions_unauthorised <= sessions_possible',
)
export class AttendanceSummary {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_attendance_summary' })
  id: string;

  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_attendance_summary_pupil' })
  pupil?: Pupil;

  @Column({ name: 'school_urn', type: 'varchar', length: 6 })
  schoolUrn: string;

  @ManyToOne(() => School)
  @JoinColumn({ name: 'school_urn', foreignKeyConstraintName: 'fk_attendance_summary_school' })
  school?: School;

  /** e.g. `2026/27`. */
  @Column({ name: 'academic_year', type: 'varchar', length: 7 })
  academicYear: string;

  @Column({ type: 'varchar', length: 6 })
  term: Term;

  @Column({ name: 'sessions_possible', type: 'integer' })
  sessionsPossible: number;

  @Column({ name: 'sessions_authorised', type: 'integer' })
  sessionsAuthorised: number;

  @Column({ name: 'sessions_unauthorised', type: 'integer' })
  sessionsUnauthorised: number;
}
