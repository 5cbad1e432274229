import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AssessmentFactorCode } from './code-lists';
import { Referral } from './referral.entity';

/** A child and family assessment within a CIN episode, with the factors it identified. */
@Entity('sc_assessment')
@Index('idx_sc_assessment_referral', ['referralId'])
export class Assessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, (referral) => referral.assessments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_sc_assessment_referral' })
  referral?: Relation<Referral>;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Null while the assessment is still in progress. */
  @Column({ name: 'authorised_date', type: 'date', nullable: true })
  authorisedDate: string | null;

  @Column({ name: 'factors', type: 'text', array: true, default: () => "'{}'" })
  factors: AssessmentFactorCode[];
}
