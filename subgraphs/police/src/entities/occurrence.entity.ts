import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { OccurrenceClassification } from './codes';
import { DashAssessment } from './dash-assessment.entity';
import { OccurrencePerson } from './occurrence-person.entity';

/** An incident police attended or recorded; most vulnerability demand is non-crime (DOMAIN.md 1.1). */
@Entity('occurrence')
@Index('idx_occurrence_da_reported', ['domesticAbuse', 'reportedAt'])
export class Occurrence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Force occurrence reference, e.g. `WK-OCC-2026-004512`. */
  @Index('uq_occurrence_reference', { unique: true })
  @Column({ name: 'reference', type: 'varchar', length: 24 })
  reference: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Column({ name: 'occurred_from', type: 'timestamptz', nullable: true })
  occurredFrom: Date | null;

  @Column({ name: 'occurred_to', type: 'timestamptz', nullable: true })
  occurredTo: Date | null;

  @Index('idx_occurrence_location_postcode')
  @Column({ name: 'location_postcode', type: 'varchar', length: 8, nullable: true })
  locationPostcode: string | null;

  @Index('idx_occurrence_location_uprn')
  @Column({ name: 'location_uprn', type: 'varchar', length: 12, nullable: true })
  locationUprn: string | null;

  @Column({ name: 'classification', type: 'varchar', length: 24 })
  classification: OccurrenceClassification;

  @Column({ name: 'domestic_abuse', type: 'boolean' })
  domesticAbuse: boolean;

  @Column({ name: 'children_present', type: 'boolean' })
  childrenPresent: boolean;

  @OneToMany(() => OccurrencePerson, (person) => person.occurrence)
  persons: OccurrencePerson[];

  @OneToMany(() => DashAssessment, (dash) => dash.occurrence)
  dashAssessments: DashAssessment[];
}
