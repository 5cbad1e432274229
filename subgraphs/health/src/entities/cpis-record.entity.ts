import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CpisPlanTypeCode } from './code-lists';
import { Patient } from './patient.entity';

/** A Child Protection - Information Sharing (CP-IS) flag; for an unborn child it sits on the mother. */
@Entity('cpis_record')
export class CpisRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_cpis_record_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.cpisRecords, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'plan_type', type: 'varchar', length: 10 })
  planType: CpisPlanTypeCode;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'responsible_la', type: 'varchar', length: 100 })
  responsibleLa: string;
}
