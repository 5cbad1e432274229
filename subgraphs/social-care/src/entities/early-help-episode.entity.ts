import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type {
  EarlyHelpAssessmentCode, EarlyHelpClosureCode, LeadAgencyCode, LeadProfessionalRoleCode, PlanStatusCode,
} from './code-lists';
import { Person } from './person.entity';

/** An early-help episode (local record, DOMAIN.md 2.3); the lead professional by role only. */
@Entity('sc_early_help_episode')
@Index('idx_sc_early_help_person', ['personId', 'startDate'])
export class EarlyHelpEpisode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'varchar', length: 16 })
  personId: string;

  @ManyToOne(() => Person, (person) => person.earlyHelpEpisodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_sc_early_help_person' })
  person?: Relation<Person>;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'lead_agency', type: 'varchar', length: 32 })
  leadAgency: LeadAgencyCode;

  @Column({ name: 'lead_professional_role', type: 'varchar', length: 32 })
  leadProfessionalRole: LeadProfessionalRoleCode;

  @Column({ name: 'assessment_type', type: 'varchar', length: 32 })
  assessmentType: EarlyHelpAssessmentCode;

  @Column({ name: 'plan_status', type: 'varchar', length: 16 })
  planStatus: PlanStatusCode;

  @Column({ name: 'closure_reason', type: 'varchar', length: 16, nullable: true })
  closureReason: EarlyHelpClosureCode | null;
}
