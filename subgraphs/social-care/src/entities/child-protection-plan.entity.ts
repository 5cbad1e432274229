import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { CategoryOfAbuseCode } from './code-lists';
import { Person } from './person.entity';
import { Referral } from './referral.entity';

/** A child protection plan (CIN census `ChildProtectionPlans`). */
@Entity('sc_child_protection_plan')
@Index('idx_sc_cpp_person', ['personId', 'startDate'])
export class ChildProtectionPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'varchar', length: 16 })
  personId: string;

  @ManyToOne(() => Person, (person) => person.childProtectionPlans, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_sc_cpp_person' })
  person?: Relation<Person>;

  /** The CIN episode the plan belongs to, when known. */
  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  @ManyToOne(() => Referral, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_sc_cpp_referral' })
  referral?: Relation<Referral>;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Null while the plan is current. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'initial_category', type: 'varchar', length: 3 })
  initialCategory: CategoryOfAbuseCode;

  @Column({ name: 'latest_category', type: 'varchar', length: 3 })
  latestCategory: CategoryOfAbuseCode;

  /** NumberOfPreviousCPP: plans this child had before this one, here or in another LA. */
  @Column({ name: 'number_of_previous_cpp', type: 'integer', default: 0 })
  numberOfPreviousCpp: number;
}
