import { GenderValue } from '@mash/shared';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Case } from './case.entity';
import { HouseholdRole } from './enums';

/**
 * A person named in a referral, as the referral gave them. Owned by the hub; each agency extends
 * it with one field and receives only these demographics and identifiers to match on.
 */
@Directive('@key(fields: "id")')
@ObjectType('Subject')
@Entity('mash_subject')
export class Subject {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne('Case', 'subjects', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Case;

  @Field(() => HouseholdRole)
  @Column({ name: 'household_role', type: 'varchar', length: 24 })
  householdRole: HouseholdRole;

  @Field(() => String, { nullable: true })
  @Column({ name: 'given_name', type: 'varchar', length: 100, nullable: true })
  givenName: string | null;

  @Field(() => String)
  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD' })
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Field(() => GenderValue, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: GenderValue | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'address_line', type: 'varchar', length: 300, nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'nhs_number', type: 'varchar', length: 10, nullable: true })
  nhsNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 13, nullable: true })
  upn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'pnc_id', type: 'varchar', length: 13, nullable: true })
  pncId: string | null;
}
