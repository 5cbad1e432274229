import { GenderValue } from '@mash/shared';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DomesticAbuseRole } from './enums';

/** A person a domestic abuse notification names, as the police gave them. */
@ObjectType('DomesticAbusePerson', { description: 'A person a police domestic abuse notification names, as the police gave them' })
@Entity('da_person')
export class DomesticAbusePerson {
  @Field(() => ID, { description: "The person's id within the notification (a UUID); the access log and the outbox refer to people by it, never by name" })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  /** Order in the notification as sent. */
  @Column({ type: 'smallint' })
  position: number;

  @Field(() => DomesticAbuseRole, { description: 'Victim, alleged perpetrator or child' })
  @Column({ type: 'varchar', length: 24 })
  role: DomesticAbuseRole;

  @Field(() => String, { nullable: true, description: 'First name(s); null when not known' })
  @Column({ name: 'given_name', type: 'varchar', length: 100, nullable: true })
  givenName: string | null;

  @Field({ description: 'Surname' })
  @Column({ name: 'family_name', type: 'varchar', length: 100 })
  familyName: string;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD; null when not known' })
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Field(() => GenderValue, { nullable: true, description: 'Gender as the police recorded it; null when not given' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: GenderValue | null;

  @Field(() => String, { nullable: true, description: 'Address without the postcode; null when not given' })
  @Column({ name: 'address_line', type: 'varchar', length: 300, nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true, description: 'UK postcode, upper case with one space; null when not given' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  postcode: string | null;

  @Field(() => String, { nullable: true, description: 'NHS number, 10 digits (check digit verified); null when not given' })
  @Column({ name: 'nhs_number', type: 'varchar', length: 10, nullable: true })
  nhsNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number, 13 characters (check letter verified); null when not given' })
  @Column({ type: 'varchar', length: 13, nullable: true })
  upn: string | null;

  @Field(() => String, { nullable: true, description: 'PNC ID in the long form YYYY/NNNNNNNC; null when not given' })
  @Column({ name: 'pnc_id', type: 'varchar', length: 13, nullable: true })
  pncId: string | null;

  /** On escalation: the subject of the new case this person became (Operation Encompass looks the child up through it). */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;
}
