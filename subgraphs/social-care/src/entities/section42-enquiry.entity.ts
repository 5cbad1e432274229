import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type {
  ConsentCode, EnquiryTypeCode, LocationOfRiskCode, RiskOutcomeCode, RiskTypeCode, SourceOfRiskCode,
} from './code-lists';
import { Person } from './person.entity';

/** An adult safeguarding enquiry: Care Act 2014 s42, or an "other" enquiry where proportionate. */
@Entity('sc_section42_enquiry')
@Index('idx_sc_s42_person', ['personId', 'concernDate'])
export class Section42Enquiry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'varchar', length: 16 })
  personId: string;

  @ManyToOne(() => Person, (person) => person.section42Enquiries, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_sc_s42_person' })
  person?: Relation<Person>;

  @Column({ name: 'concern_date', type: 'date' })
  concernDate: string;

  @Column({ name: 'enquiry_type', type: 'varchar', length: 5 })
  enquiryType: EnquiryTypeCode;

  @Column({ name: 'risk_types', type: 'text', array: true })
  riskTypes: RiskTypeCode[];

  @Column({ name: 'source_of_risk', type: 'varchar', length: 32 })
  sourceOfRisk: SourceOfRiskCode;

  @Column({ name: 'location_of_risk', type: 'varchar', length: 32 })
  locationOfRisk: LocationOfRiskCode;

  /** Null while the enquiry is open. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'outcome', type: 'varchar', length: 24, nullable: true })
  outcome: RiskOutcomeCode | null;

  /** MCA 2005: capacity to consent to the enquiry (and to sharing) was assessed. */
  @Column({ name: 'mental_capacity_assessed', type: 'boolean', default: false })
  mentalCapacityAssessed: boolean;

  @Column({ name: 'consent', type: 'varchar', length: 16 })
  consent: ConsentCode;

  @Column({ name: 'consent_override_reason', type: 'varchar', length: 200, nullable: true })
  consentOverrideReason: string | null;
}
