import { Column, Entity, Index, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import type { EthnicityCode, GenderCode } from './code-lists';
import { ChildProtectionPlan } from './child-protection-plan.entity';
import { EarlyHelpEpisode } from './early-help-episode.entity';
import { LookedAfterEpisode } from './looked-after-episode.entity';
import { Referral } from './referral.entity';
import { Section42Enquiry } from './section42-enquiry.entity';

/**
 * A child (CIN census `Child`, keyed by LAchildID) or an adult known to the local authority's
 * social care. `blocking_keys` serves the matcher's candidate query; `uprn` joins a household.
 */
@Entity('sc_person')
export class Person {
  /** The local authority's own person id, e.g. `WCC-123456` (LAchildID for children). */
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 16 })
  id: string;

  /** Normalised; children only. */
  @Index('idx_sc_person_upn')
  @Column({ name: 'upn', type: 'varchar', length: 13, nullable: true })
  upn: string | null;

  /** Normalised, 10 digits, checksum-valid. */
  @Index('idx_sc_person_nhs_number')
  @Column({ name: 'nhs_number', type: 'varchar', length: 10, nullable: true })
  nhsNumber: string | null;

  @Column({ name: 'given_name', type: 'varchar', length: 100 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  /** Null only for an unborn child, who has `expectedDateOfBirth` instead. */
  @Index('idx_sc_person_date_of_birth')
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ name: 'expected_date_of_birth', type: 'date', nullable: true })
  expectedDateOfBirth: string | null;

  /** CIN GenderCurrent: 0 not recorded/unborn, 1 male, 2 female, 9 indeterminate. */
  @Column({ name: 'gender_code', type: 'smallint' })
  genderCode: GenderCode;

  @Column({ name: 'ethnicity', type: 'varchar', length: 4, nullable: true })
  ethnicity: EthnicityCode | null;

  /** Normalised (upper case, single space). */
  @Index('idx_sc_person_postcode')
  @Column({ name: 'postcode', type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  @Index('idx_sc_person_uprn')
  @Column({ name: 'uprn', type: 'varchar', length: 12, nullable: true })
  uprn: string | null;

  /**
   * `personBlockingKeys(person)`, the candidate query's keys. GIN-indexed by
   * migration BlockingKeys; `synchronize: false` because TypeORM cannot declare a GIN index.
   */
  @Index('idx_sc_person_blocking_keys', { synchronize: false })
  @Column({ name: 'blocking_keys', type: 'text', array: true, default: () => "'{}'" })
  blockingKeys: string[];

  @Column({ name: 'is_adult', type: 'boolean' })
  isAdult: boolean;

  @OneToMany(() => Referral, (referral) => referral.person)
  referrals: Relation<Referral>[];

  @OneToMany(() => ChildProtectionPlan, (plan) => plan.person)
  childProtectionPlans: Relation<ChildProtectionPlan>[];

  @OneToMany(() => LookedAfterEpisode, (episode) => episode.person)
  lookedAfterEpisodes: Relation<LookedAfterEpisode>[];

  @OneToMany(() => EarlyHelpEpisode, (episode) => episode.person)
  earlyHelpEpisodes: Relation<EarlyHelpEpisode>[];

  @OneToMany(() => Section42Enquiry, (enquiry) => enquiry.person)
  section42Enquiries: Relation<Section42Enquiry>[];
}
