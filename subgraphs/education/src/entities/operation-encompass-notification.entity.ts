import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DASH_RISKS, DSL_ACTIONS, sqlList, type DashRisk, type DslAction } from './code-lists';
import { Pupil } from './pupil.entity';
import { School } from './school.entity';

/**
 * The school's copy of a police Operation Encompass notification: a domestic-abuse incident the
 * child was exposed to, told to the DSL before the next school day. Details stay with the police.
 */
@Entity('operation_encompass_notification')
@Index('idx_oe_pupil_received', ['pupilId', 'receivedAt'])
@Check('chk_oe_dash_risk', `dash_risk IS NULL OR dash_risk IN (${sqlList(DASH_RISKS)})`)
@Check('chk_oe_dsl_action', `dsl_action_taken IS NULL OR dsl_action_taken IN (${sqlList(DSL_ACTIONS)})`)
export class OperationEncompassNotification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_operation_encompass_notification' })
  id: string;

  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_oe_pupil' })
  pupil?: Pupil;

  @Column({ name: 'school_urn', type: 'varchar', length: 6 })
  schoolUrn: string;

  @ManyToOne(() => School)
  @JoinColumn({ name: 'school_urn', foreignKeyConstraintName: 'fk_oe_school' })
  school?: School;

  /** The police occurrence reference, so the two records can be reconciled. */
  @Column({ name: 'occurrence_ref', type: 'varchar', length: 32 })
  occurrenceRef: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /**
   * The incident's DASH risk level as police notified it, so an ISA obligation to leave out
   * standard-risk domestic abuse (shared only with consent) can be honoured here too.
   */
  @Column({ name: 'dash_risk', type: 'varchar', length: 8, nullable: true })
  dashRisk: DashRisk | null;

  /** Null until the DSL has recorded what they did. */
  @Column({ name: 'dsl_action_taken', type: 'varchar', length: 24, nullable: true })
  dslActionTaken: DslAction | null;
}
