import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DashAnswer, DashRiskLevel } from './codes';
import { PoliceNominal } from './nominal.entity';
import { Occurrence } from './occurrence.entity';

/**
 * A DASH risk assessment (DOMAIN.md 1.2). The 27 answers are stored, not just the count:
 * triage needs q9 (pregnancy), q11/q12 (children) and q17/q18 (threats to kill, strangulation).
 */
@Entity('dash_assessment')
export class DashAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_dash_assessment_occurrence')
  @Column({ name: 'occurrence_id', type: 'uuid' })
  occurrenceId: string;

  @ManyToOne(() => Occurrence, (occurrence) => occurrence.dashAssessments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occurrence_id' })
  occurrence: Occurrence;

  @Index('idx_dash_assessment_victim')
  @Column({ name: 'victim_id', type: 'uuid' })
  victimId: string;

  @ManyToOne(() => PoliceNominal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'victim_id' })
  victim: PoliceNominal;

  /** Null when the perpetrator is not a nominal (e.g. not identified). */
  @Index('idx_dash_assessment_perpetrator')
  @Column({ name: 'perpetrator_id', type: 'uuid', nullable: true })
  perpetratorId: string | null;

  @ManyToOne(() => PoliceNominal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'perpetrator_id' })
  perpetrator: PoliceNominal | null;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  @Column({ name: 'answers', type: 'text', array: true })
  answers: DashAnswer[];

  @Column({ name: 'tick_count', type: 'smallint' })
  tickCount: number;

  @Column({ name: 'risk_level', type: 'varchar', length: 8 })
  riskLevel: DashRiskLevel;

  /** Professional judgement may raise the level above the count band, never lower it. */
  @Column({ name: 'professional_judgement_override', type: 'boolean' })
  professionalJudgementOverride: boolean;

  @Column({ name: 'override_rationale', type: 'text', nullable: true })
  overrideRationale: string | null;

  @Column({ name: 'marac_referral', type: 'boolean' })
  maracReferral: boolean;
}
