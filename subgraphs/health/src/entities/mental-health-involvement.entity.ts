import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MentalHealthServiceCode, MhaSection } from './code-lists';
import { Patient } from './patient.entity';

/** Involvement with a mental health service (MHSDS). Risk is a summary, never clinical notes. */
@Entity('mental_health_involvement')
export class MentalHealthInvolvement {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_mental_health_involvement_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.mentalHealthInvolvements, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'service', type: 'varchar', length: 10 })
  service: MentalHealthServiceCode;

  @Column({ name: 'open', type: 'boolean' })
  open: boolean;

  @Column({ name: 'referral_date', type: 'date' })
  referralDate: string;

  @Column({ name: 'discharge_date', type: 'date', nullable: true })
  dischargeDate: string | null;

  @Column({ name: 'mha_section', type: 'varchar', length: 5, nullable: true })
  mhaSection: MhaSection | null;

  @Column({ name: 'mha_detained_from', type: 'date', nullable: true })
  mhaDetainedFrom: string | null;

  @Column({ name: 'mha_detained_to', type: 'date', nullable: true })
  mhaDetainedTo: string | null;

  @Column({ name: 'risk_summary', type: 'varchar', length: 500, nullable: true })
  riskSummary: string | null;
}
