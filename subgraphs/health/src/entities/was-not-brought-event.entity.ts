import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AppointmentType } from './code-lists';
import { Patient } from './patient.entity';

/** A child's missed appointment: "was not brought", not "did not attend" (the child cannot bring themself). */
@Entity('was_not_brought_event')
export class WasNotBroughtEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_was_not_brought_event_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.wasNotBroughtEvents, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'appointment_type', type: 'varchar', length: 16 })
  appointmentType: AppointmentType;

  @Column({ name: 'appointment_date', type: 'date' })
  appointmentDate: string;
}
