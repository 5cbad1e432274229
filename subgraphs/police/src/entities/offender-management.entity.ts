import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MappaCategory, MappaLevel } from './codes';
import { PoliceNominal } from './nominal.entity';

/**
 * Public protection: how a nominal is managed as a sexual or violent offender (DOMAIN.md 1.1
 * `OffenderManagement`). Highly restricted (DOMAIN.md 6.2): the flags say only yes/no and who to
 * contact; the detail (category, level) is a RESTRICTED field the gateway never releases
 * automatically, and the offence is never disclosed. One row per nominal under management.
 */
@Entity('offender_management')
export class OffenderManagement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_offender_management_nominal', { unique: true })
  @Column({ name: 'nominal_id', type: 'uuid' })
  nominalId: string;

  @ManyToOne(() => PoliceNominal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nominal_id' })
  nominal: PoliceNominal;

  /** MAPPA category (1 registered sex offender, 2 violent, 3 other dangerous); null when not a MAPPA nominal. */
  @Column({ name: 'mappa_category', type: 'smallint', nullable: true })
  mappaCategory: MappaCategory | null;

  /** MAPPA management level 1-3; null exactly when the category is. */
  @Column({ name: 'mappa_level', type: 'smallint', nullable: true })
  mappaLevel: MappaLevel | null;

  /** Subject to notification requirements (Sexual Offences Act 2003 Part 2). */
  @Column({ name: 'registered_sex_offender', type: 'boolean' })
  registeredSexOffender: boolean;

  /** Subject to a Sexual Harm Prevention Order. */
  @Column({ name: 'shpo', type: 'boolean' })
  shpo: boolean;

  /** Recorded on ViSOR (the Violent and Sex Offender Register). */
  @Column({ name: 'visor', type: 'boolean' })
  visor: boolean;
}
