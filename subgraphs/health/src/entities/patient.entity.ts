import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import type { PatientGender, VerificationStatus } from './code-lists';
import { CpisRecord } from './cpis-record.entity';
import { FgmRecord } from './fgm-record.entity';
import { GpRegistration } from './gp-registration.entity';
import { MaternityEpisode } from './maternity-episode.entity';
import { MentalHealthInvolvement } from './mental-health-involvement.entity';
import { SafeguardingCode } from './safeguarding-code.entity';
import { SubstanceMisuseTreatment } from './substance-misuse-treatment.entity';
import { UnscheduledCareAttendance } from './unscheduled-care-attendance.entity';
import { WasNotBroughtEvent } from './was-not-brought-event.entity';

/** PDS demographics: the person table health matches subjects against. */
@Entity('patient')
export class Patient {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Normalised (10 digits, Modulus 11 checked); null for a new arrival not yet traced. */
  @Index('idx_patient_nhs_number')
  @Column({ name: 'nhs_number', type: 'varchar', length: 10, nullable: true })
  nhsNumber: string | null;

  @Column({ name: 'nhs_number_verification', type: 'varchar', length: 2 })
  nhsNumberVerification: VerificationStatus;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Index('idx_patient_date_of_birth')
  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ name: 'gender', type: 'varchar', length: 7 })
  gender: PatientGender;

  @Column({ name: 'address_line', type: 'varchar', length: 200, nullable: true })
  addressLine: string | null;

  /** Normalised (upper case, single space). */
  @Index('idx_patient_postcode')
  @Column({ name: 'postcode', type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  /** Household members are found by it (migration ThinkFamily: a partial index). */
  @Index('idx_patient_uprn', { synchronize: false })
  @Column({ name: 'uprn', type: 'varchar', length: 12, nullable: true })
  uprn: string | null;

  /**
   * `patientBlockingKeys(patient)` (no `pg:` key when restricted). GIN-indexed by
   * migration BlockingKeys; `synchronize: false` because TypeORM cannot declare a GIN index.
   */
  @Index('idx_patient_blocking_keys', { synchronize: false })
  @Column({ name: 'blocking_keys', type: 'text', array: true, default: () => "'{}'" })
  blockingKeys: string[];

  /** PDS "sensitive" (`meta.security` R): address, telecom and GP are withheld from searches. */
  @Column({ name: 'restricted', type: 'boolean', default: false })
  restricted: boolean;

  @Column({ name: 'deceased_date', type: 'date', nullable: true })
  deceasedDate: string | null;

  @OneToMany(() => GpRegistration, (registration) => registration.patient)
  gpRegistrations?: GpRegistration[];

  @OneToMany(() => SafeguardingCode, (code) => code.patient)
  safeguardingCodes?: SafeguardingCode[];

  @OneToMany(() => UnscheduledCareAttendance, (attendance) => attendance.patient)
  unscheduledCareAttendances?: UnscheduledCareAttendance[];

  @OneToMany(() => MentalHealthInvolvement, (involvement) => involvement.patient)
  mentalHealthInvolvements?: MentalHealthInvolvement[];

  @OneToMany(() => SubstanceMisuseTreatment, (treatment) => treatment.patient)
  substanceMisuseTreatments?: SubstanceMisuseTreatment[];

  @OneToMany(() => MaternityEpisode, (episode) => episode.patient)
  maternityEpisodes?: MaternityEpisode[];

  @OneToMany(() => WasNotBroughtEvent, (event) => event.patient)
  wasNotBroughtEvents?: WasNotBroughtEvent[];

  @OneToMany(() => CpisRecord, (record) => record.patient)
  cpisRecords?: CpisRecord[];

  @OneToMany(() => FgmRecord, (record) => record.patient)
  fgmRecords?: FgmRecord[];
}
