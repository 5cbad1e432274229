import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import {
  EXCLUSION_CATEGORIES,
  EXCLUSION_REASON_CODES,
  sqlList,
  type ExclusionCategory,
  type ExclusionReason,
} from './code-lists';
import { Pupil } from './pupil.entity';
import { School } from './school.entity';

/** A suspension or permanent exclusion (census exclusions module). */
@Entity('exclusion')
@Check('chk_exclusion_category', `category IN (${sqlList(EXCLUSION_CATEGORIES)})`)
@Check(
  'chk_exclusion_reasons',
  `cardinality(reasons) BETWEEN 1 AND 3 AND reasons <@ ARRAY[${sqlList(EXCLUSION_REASON_CODES)}]::text[]`,
)
@Check('chk_exclusion_sessions', 'sessions IS NULL OR sessions > 0')
export class Exclusion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_exclusion' })
  id: string;

  @Index('idx_exclusion_pupil')
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_exclusion_pupil' })
  pupil?: Pupil;

  @Column({ name: 'school_urn', type: 'varchar', length: 6 })
  schoolUrn: string;

  @ManyToOne(() => School)
  @JoinColumn({ name: 'school_urn', foreignKeyConstraintName: 'fk_exclusion_school' })
  school?: School;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ type: 'varchar', length: 4 })
  category: ExclusionCategory;

  /** Sessions of a suspension; null for a permanent exclusion. */
  @Column({ type: 'integer', nullable: true })
  sessions: number | null;

  /** One to three census reason codes, most important first. */
  @Column({ type: 'text', array: true })
  reasons: ExclusionReason[];
}
