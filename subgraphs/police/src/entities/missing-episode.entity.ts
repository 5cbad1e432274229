import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MissingRiskLevel } from './codes';
import { PoliceNominal } from './nominal.entity';

/** A missing-person episode (College of Policing APP; DOMAIN.md 1.3). */
@Entity('missing_episode')
@Index('idx_missing_episode_nominal_reported', ['nominalId', 'reportedAt'])
export class MissingEpisode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'nominal_id', type: 'uuid' })
  nominalId: string;

  @ManyToOne(() => PoliceNominal, (nominal) => nominal.missingEpisodes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nominal_id' })
  nominal: PoliceNominal;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  /** Null while still missing. */
  @Column({ name: 'found_at', type: 'timestamptz', nullable: true })
  foundAt: Date | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 8 })
  riskLevel: MissingRiskLevel;

  @Column({ name: 'from_care', type: 'boolean' })
  fromCare: boolean;

  @Column({ name: 'safe_and_well_check_at', type: 'timestamptz', nullable: true })
  safeAndWellCheckAt: Date | null;
}
