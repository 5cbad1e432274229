import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { SafeguardingConceptId } from './code-lists';
import { Patient } from './patient.entity';

/** A safeguarding code on the GP record (RCGP list, SNOMED CT). */
@Entity('safeguarding_code')
export class SafeguardingCode {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_safeguarding_code_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.safeguardingCodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'snomed_concept_id', type: 'varchar', length: 18 })
  snomedConceptId: SafeguardingConceptId;

  @Column({ name: 'term', type: 'varchar', length: 200 })
  term: string;

  @Column({ name: 'recorded_date', type: 'date' })
  recordedDate: string;

  @Column({ name: 'active', type: 'boolean' })
  active: boolean;
}
