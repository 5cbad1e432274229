import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SEXES, sqlList, type Sex } from './code-lists';

/**
 * A child the local authority's education records know: on a roll, home educated or missing
 * education. Identifiers are stored normalised; `blocking_keys` serves the candidate query.
 */
@Entity('pupil')
@Check('chk_pupil_sex', `sex IN (${sqlList(SEXES)})`)
export class Pupil {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pupil' })
  id: string;

  /** Normalised UPN; null for a child who never had one (e.g. arrived from abroad, never enrolled). */
  @Index('idx_pupil_upn')
  @Column({ type: 'varchar', length: 13, nullable: true })
  upn: string | null;

  @Index('idx_pupil_former_upn')
  @Column({ name: 'former_upn', type: 'varchar', length: 13, nullable: true })
  formerUpn: string | null;

  /** A temporary UPN (serial ending in a letter) that the school has not yet replaced. */
  @Column({ name: 'upn_temporary', type: 'boolean', default: false })
  upnTemporary: boolean;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Column({ name: 'preferred_surname', type: 'varchar', length: 100, nullable: true })
  preferredSurname: string | null;

  @Index('idx_pupil_date_of_birth')
  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  /** School census sex (M/F only); null where not recorded. */
  @Column({ type: 'varchar', length: 1, nullable: true })
  sex: Sex | null;

  /** Normalised home postcode, e.g. `CV34 4RL`. */
  @Index('idx_pupil_postcode')
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  /** Unique Property Reference Number of the home address: how siblings at one address are found. */
  @Index('idx_pupil_uprn')
  @Column({ type: 'varchar', length: 12, nullable: true })
  uprn: string | null;

  /** First line of the home address with the town, as the school holds it (compared with the postcode when there is no UPRN). */
  @Column({ name: 'address_line', type: 'varchar', length: 200, nullable: true })
  addressLine: string | null;

  /**
   * `pupilBlockingKeys(pupil)`: under the legal and the preferred surname. GIN-indexed by
   * migration BlockingKeys; `synchronize: false` because TypeORM cannot declare a GIN index.
   */
  @Index('idx_pupil_blocking_keys', { synchronize: false })
  @Column({ name: 'blocking_keys', type: 'text', array: true, default: () => "'{}'" })
  blockingKeys: string[];
}
