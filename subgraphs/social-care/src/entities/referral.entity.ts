import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { PrimaryNeedCode, ReasonForClosureCode, ReferralSourceCode } from './code-lists';
import { Assessment } from './assessment.entity';
import { Person } from './person.entity';

/** A CIN episode (CIN census `CINdetails`), opened by a referral and closed with a reason. */
@Entity('sc_referral')
@Index('idx_sc_referral_person', ['personId', 'referralDate'])
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'varchar', length: 16 })
  personId: string;

  @ManyToOne(() => Person, (person) => person.referrals, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_sc_referral_person' })
  person?: Relation<Person>;

  @Column({ name: 'referral_date', type: 'date' })
  referralDate: string;

  @Column({ name: 'source', type: 'varchar', length: 2 })
  source: ReferralSourceCode;

  @Column({ name: 'primary_need', type: 'varchar', length: 2 })
  primaryNeed: PrimaryNeedCode;

  /** Null while the episode is open. */
  @Column({ name: 'closure_date', type: 'date', nullable: true })
  closureDate: string | null;

  @Column({ name: 'reason_for_closure', type: 'varchar', length: 3, nullable: true })
  reasonForClosure: ReasonForClosureCode | null;

  /** ReferralNFA: no further action decided on the referral itself. */
  @Column({ name: 'nfa', type: 'boolean', default: false })
  nfa: boolean;

  @Column({ name: 'date_of_initial_cpc', type: 'date', nullable: true })
  dateOfInitialCpc: string | null;

  @OneToMany(() => Assessment, (assessment) => assessment.referral)
  assessments: Relation<Assessment>[];
}
