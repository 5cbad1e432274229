import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SubstanceCategory } from './code-lists';
import { Patient } from './patient.entity';

/** A structured treatment episode (NDTMS). */
@Entity('substance_misuse_treatment')
export class SubstanceMisuseTreatment {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_substance_misuse_treatment_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.substanceMisuseTreatments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'provider', type: 'varchar', length: 200 })
  provider: string;

  @Column({ name: 'substance_category', type: 'varchar', length: 11 })
  substanceCategory: SubstanceCategory;

  @Column({ name: 'open', type: 'boolean' })
  open: boolean;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;
}
