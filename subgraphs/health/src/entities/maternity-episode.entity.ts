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

  /** Null while pregnant (or when the outcome is not recorded here). */
  @Column({ name: 'delivery_date', type: 'date', nullable: true })
  deliveryDate: string | null;

  /**
   * The baby's own patient record, linked from the birth notification: how a baby leads to its
   * mother (and a mother to her babies). One baby per episode; a twin's link is not modelled.
   */
  @Index('idx_maternity_episode_baby', { synchronize: false })
  @Column({ name: 'baby_patient_id', type: 'uuid', nullable: true })
  babyPatientId: string | null;

  @Column({ name: 'concerns_at_booking', type: 'text', array: true, default: () => "'{}'" })
  concernsAtBooking: BookingConcern[];
}
