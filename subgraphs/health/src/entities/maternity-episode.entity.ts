import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { BookingConcern } from './code-lists';
import { Patient } from './patient.entity';

/** A pregnancy as maternity services hold it, on the mother's record. */
@Entity('maternity_episode')
export class MaternityEpisode {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('idx_maternity_episode_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => Patient, (patient) => patient.maternityEpisodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_id' })
  patient?: Patient;

  @Column({ name: 'booking_date', type: 'date' })
  bookingDate: string;

  @Column({ name: 'gestation_at_booking_weeks', type: 'smallint' })
  gestationAtBookingWeeks: number;

  @Column({ name: 'edd', type: 'date' })
  edd: string;

  @Column({ name: 'antenatal_dna_count', type: 'smallint', default: 0 })
  antenatalDnaCount: number;

  @Column({ name: 'concerns_at_booking', type: 'text', array: true, default: () => "'{}'" })
  concernsAtBooking: BookingConcern[];
}
