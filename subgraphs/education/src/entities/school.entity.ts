import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SCHOOL_PHASES, SCHOOL_TYPES, sqlList, type SchoolPhase, type SchoolType } from './code-lists';

/**
 * A school (GIAS establishment). Only the Designated Safeguarding Lead's role and phone are held:
 * KCSIE makes the DSL the safeguarding contact, so the hub is pointed there, never at teachers.
 */
@Entity('school')
@Check('chk_school_urn', `urn ~ '^[0-9]{6}$'`)
@Check('chk_school_laestab', `laestab ~ '^[0-9]{7}$'`)
@Check('chk_school_phase', `phase IN (${sqlList(SCHOOL_PHASES)})`)
@Check('chk_school_type', `school_type IN (${sqlList(SCHOOL_TYPES)})`)
export class School {
  /** GIAS Unique Reference Number. */
  @PrimaryColumn({ primaryKeyConstraintName: 'pk_school', type: 'varchar', length: 6 })
  urn: string;

  /** DfE LA number (937 Warwickshire) followed by the 4-digit establishment number. */
  @Index('uq_school_laestab', { unique: true })
  @Column({ type: 'varchar', length: 7 })
  laestab: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  phase: SchoolPhase;

  @Column({ name: 'school_type', type: 'varchar', length: 24 })
  schoolType: SchoolType;

  @Column({ type: 'varchar', length: 100 })
  town: string;

  @Column({ name: 'dsl_role', type: 'varchar', length: 200 })
  dslRole: string;

  @Column({ name: 'dsl_phone', type: 'varchar', length: 32 })
  dslPhone: string;
}
