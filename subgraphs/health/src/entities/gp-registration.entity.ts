import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { GpRegistrationStatusCode } from './code-lists';
import { Patient } from './patient.entity';

@Entity('gp_registration')
export class GpRegistration {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_gp_registration_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.gpRegistrations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  /** ODS organisation code of the practice: one letter and five digits. */
  @Column({ name: 'practice_ods_code', type: 'varchar', length: 6 })
  practiceOdsCode: string;

  @Column({ name: 'practice_name', type: 'varchar', length: 200 })
  practiceName: string;

  @Column({ name: 'registered_from', type: 'date' })
  registeredFrom: string;

  @Column({ name: 'registered_to', type: 'date', nullable: true })
  registeredTo: string | null;

  @Column({ name: 'status', type: 'varchar', length: 10 })
  status: GpRegistrationStatusCode;
}
