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
@ObjectType('Subject', {
  description:
    'A person named in a referral (or added to the case since), as the hub recorded them. Each agency adds one field with what it holds on them; ' +
    'agencies receive only these demographics and identifiers to match on',
})
@Entity('mash_subject')
export class Subject {
  @Field(() => ID, { description: "The subject's id (a UUID); the access log refers to people by it, never by name" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne('Case', 'subjects', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case: Case;

  @Field(() => HouseholdRole, { description: 'Their place in the case: a child the referral is about, a parent, the alleged perpetrator...' })
  @Column({ name: 'household_role', type: 'varchar', length: 24 })
  householdRole: HouseholdRole;

  @Field(() => String, { nullable: true, description: 'First name(s) as the referral gave them; null when not known' })
  @Column({ name: 'given_name', type: 'varchar', length: 100, nullable: true })
  givenName: string | null;

  @Field(() => String, { description: 'Surname as the referral gave it' })
  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD' })
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Field(() => GenderValue, { nullable: true, description: 'Gender as the referral gave it; null when not given' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: GenderValue | null;

  @Field(() => String, { nullable: true, description: 'Address as the referral gave it (the postcode is in postcode); null when not given' })
  @Column({ name: 'address_line', type: 'varchar', length: 300, nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true, description: 'UK postcode, upper case with one space (e.g. CV34 4RL), or an NHS pseudo-postcode (ZZ99 ...); null when not given' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  @Field(() => String, { nullable: true, description: 'NHS number, 10 digits without spaces (check digit verified); null when not given' })
  @Column({ name: 'nhs_number', type: 'varchar', length: 10, nullable: true })
  nhsNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number (DfE), 13 characters upper case (check letter verified); null when not given' })
  @Column({ type: 'varchar', length: 13, nullable: true })
  upn: string | null;

  @Field(() => String, { nullable: true, description: 'Police National Computer ID in the long form YYYY/NNNNNNNC (check character verified); null when not given' })
  @Column({ name: 'pnc_id', type: 'varchar', length: 13, nullable: true })
  pncId: string | null;
}
