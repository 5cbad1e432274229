import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AttendancePresentation } from './code-lists';
import { Patient } from './patient.entity';

/** An ED / MIU / walk-in attendance (ECDS). */
@Entity('unscheduled_care_attendance')
export class UnscheduledCareAttendance {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_unscheduled_care_attendance_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.unscheduledCareAttendances, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'arrival_at', type: 'timestamptz' })
  arrivalAt: Date;

  @Column({ name: 'site', type: 'varchar', length: 200 })
  site: string;

  @Column({ name: 'chief_complaint', type: 'varchar', length: 200 })
  chiefComplaint: string;

  @Column({ name: 'injury', type: 'boolean' })
  injury: boolean;

  @Column({ name: 'safeguarding_concern', type: 'boolean' })
  safeguardingConcern: boolean;

  @Column({ name: 'left_before_treatment', type: 'boolean' })
  leftBeforeTreatment: boolean;

  /** Why the attendance matters for safeguarding (assault, domestic abuse, self-harm, overdose), else null. */
  @Column({ name: 'presentation', type: 'varchar', length: 14, nullable: true })
  presentation: AttendancePresentation | null;
}
