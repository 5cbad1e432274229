import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { LegalStatusCode, PlacementTypeCode, ReasonCeasedCode, ReasonNewEpisodeCode } from './code-lists';
import { Person } from './person.entity';

/** A period of being looked after (SSDA903 episode). Placement postcodes are not held here. */
@Entity('sc_looked_after_episode')
@Index('idx_sc_cla_person', ['personId', 'startDate'])
export class LookedAfterEpisode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'varchar', length: 16 })
  personId: string;

  @ManyToOne(() => Person, (person) => person.lookedAfterEpisodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_sc_cla_person' })
  person?: Relation<Person>;

  /** DECOM */
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** RNE */
  @Column({ name: 'reason_new_episode', type: 'varchar', length: 1 })
  reasonNewEpisode: ReasonNewEpisodeCode;

  /** LS */
  @Column({ name: 'legal_status', type: 'varchar', length: 2 })
  legalStatus: LegalStatusCode;

  /** PLACE */
  @Column({ name: 'placement_type', type: 'varchar', length: 2 })
  placementType: PlacementTypeCode;

  /** DEC; null while the child is looked after. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  /** REC */
  @Column({ name: 'reason_ceased', type: 'varchar', length: 3, nullable: true })
  reasonCeased: ReasonCeasedCode | null;
}
