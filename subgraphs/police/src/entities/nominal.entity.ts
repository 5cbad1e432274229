import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Gender } from '@mash/shared';
import { NominalAddress } from './address.entity';
import { NominalAlias } from './alias.entity';
import { ExploitationFlag } from './exploitation-flag.entity';
import { MissingEpisode } from './missing-episode.entity';
import { WarningMarker } from './warning-marker.entity';

/**
 * A person as known to police (a "nominal"). Postcode is a copy of the current address's;
 * `blocking_keys` serves the candidate query.
 */
@Entity('police_nominal')
export class PoliceNominal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Force-local nominal reference, e.g. `WK-NOM-0000123`. */
  @Index('uq_police_nominal_local_id', { unique: true })
  @Column({ name: 'local_nominal_id', type: 'varchar', length: 20 })
  localNominalId: string;

  /** Normalised `YYYY/NNNNNNNC`; only nominals with a PNC record have one. */
  @Index('idx_police_nominal_pnc_id')
  @Column({ name: 'pnc_id', type: 'varchar', length: 13, nullable: true })
  pncId: string | null;

  @Column({ name: 'cro_number', type: 'varchar', length: 16, nullable: true })
  croNumber: string | null;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Index('idx_police_nominal_date_of_birth')
  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ name: 'gender', type: 'varchar', length: 8 })
  gender: Gender;

  /** Held only where the force recorded one (e.g. from a health partner's referral). */
  @Index('idx_police_nominal_nhs_number')
  @Column({ name: 'nhs_number', type: 'varchar', length: 10, nullable: true })
  nhsNumber: string | null;

  @Index('idx_police_nominal_postcode')
  @Column({ name: 'postcode', type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  /**
   * `nominalBlockingKeys`: the keys of the nominal and of each alias. GIN-indexed by
   * migration BlockingKeys; `synchronize: false` because TypeORM cannot declare a GIN index.
   */
  @Index('idx_police_nominal_blocking_keys', { synchronize: false })
  @Column({ name: 'blocking_keys', type: 'text', array: true, default: () => "'{}'" })
  blockingKeys: string[];

  @OneToMany(() => NominalAlias, (alias) => alias.nominal)
  aliases: NominalAlias[];

  @OneToMany(() => NominalAddress, (address) => address.nominal)
  addresses: NominalAddress[];

  @OneToMany(() => WarningMarker, (marker) => marker.nominal)
  warningMarkers: WarningMarker[];

  @OneToMany(() => MissingEpisode, (episode) => episode.nominal)
  missingEpisodes: MissingEpisode[];

  @OneToMany(() => ExploitationFlag, (flag) => flag.nominal)
  exploitationFlags: ExploitationFlag[];
}
