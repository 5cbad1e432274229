import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SEN_NEEDS, SEN_PROVISIONS, sqlList, type SenNeed, type SenProvision } from './code-lists';
import { Pupil } from './pupil.entity';

/** Special educational needs provision (census senProvision) and ranked needs. */
@Entity('sen_status')
@Check('chk_sen_status_provision', `provision IN (${sqlList(SEN_PROVISIONS)})`)
@Check('chk_sen_status_needs', `needs <@ ARRAY[${sqlList(SEN_NEEDS)}]::text[]`)
@Check('chk_sen_status_ehcp', `(provision = 'E') = (ehcp_start IS NOT NULL)`)
export class SenStatus {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sen_status' })
  id: string;

  @Index('uq_sen_status_pupil', { unique: true })
  @Column({ name: 'pupil_id', type: 'uuid' })
  pupilId: string;

  @ManyToOne(() => Pupil, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id', foreignKeyConstraintName: 'fk_sen_status_pupil' })
  pupil?: Pupil;

  @Column({ type: 'varchar', length: 1 })
  provision: SenProvision;

  /** Primary need first. */
  @Column({ type: 'text', array: true })
  needs: SenNeed[];

  @Column({ name: 'ehcp_start', type: 'date', nullable: true })
  ehcpStart: string | null;

  /** DfE LA number of the authority maintaining the plan. */
  @Column({ name: 'ehcp_la', type: 'varchar', length: 3, nullable: true })
  ehcpLa: string | null;
}
