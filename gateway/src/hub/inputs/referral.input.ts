import { GenderValue } from '@mash/shared';
import { Field, GraphQLISODateTime, InputType } from 'type-graphql';
import { ConsentMethod, ConsentStatus, HouseholdRole, Pathway, Rag } from '../entities/enums';

@InputType({ description: 'A person named in the referral. Give a date of birth or at least one identifier.' })
export class SubjectInput {
  @Field(() => HouseholdRole)
  householdRole: HouseholdRole;

  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String)
  familyName: string;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @Field(() => GenderValue, { nullable: true })
  gender?: GenderValue | null;

  @Field(() => String, { nullable: true })
  addressLine?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: '10 digits with a Modulus 11 check digit' })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number, 13 characters with a check letter' })
  upn?: string | null;

  @Field(() => String, { nullable: true, description: 'PNC ID, YYYY/NNNNNNNC or a short form' })
  pncId?: string | null;
}

@InputType({ description: 'A referral as the MASH receives it' })
export class ReferralInput {
  @Field(() => String)
  referrerName: string;

  @Field(() => String, { nullable: true })
  referrerOrganisation?: string | null;

  @Field(() => String, { nullable: true, description: 'CIN census referral source code, e.g. 2A schools, 6 police' })
  referralSource?: string | null;

  @Field(() => String, { nullable: true })
  referrerContact?: string | null;

  @Field(() => String)
  concern: string;

  @Field(() => Pathway, { defaultValue: Pathway.CHILDREN })
  pathway: Pathway;

  @Field(() => ConsentStatus, { defaultValue: ConsentStatus.NOT_SOUGHT, description: 'Consent as the referral gives it; anything but NOT_SOUGHT writes a consent record' })
  consentStatus: ConsentStatus;

  @Field(() => Boolean, { defaultValue: false, description: 'Consent covers sharing for early help (standard-risk DA incidents); only with consentStatus GIVEN' })
  consentEarlyHelpSharing: boolean;

  @Field(() => String, { nullable: true, description: 'Why consent was overridden (required for OVERRIDDEN), or any note on consent' })
  consentNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Who gave (or refused) consent, e.g. "parent", "young person"; required when consent is GIVEN' })
  consentGivenBy?: string | null;

  @Field(() => ConsentMethod, { nullable: true, description: 'How consent was given or refused; required when consent is GIVEN' })
  consentMethod?: ConsentMethod | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When consent was given or refused; defaults to when the referral is received' })
  consentGivenAt?: Date | null;

  @Field(() => Rag, { nullable: true, description: 'A rating given on receipt, if any' })
  rag?: Rag | null;

  @Field(() => String, { nullable: true })
  ragRationale?: string | null;

  @Field(() => [SubjectInput])
  subjects: SubjectInput[];
}
