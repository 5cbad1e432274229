import { GenderValue } from '@mash/shared';
import { Field, GraphQLISODateTime, InputType } from 'type-graphql';
import { CaseKind, ConsentMethod, ConsentStatus, HouseholdRole, InformationRequester, Pathway, Rag } from '../entities/enums';

@InputType({ description: 'A person named in the referral. Give a date of birth or at least one identifier.' })
export class SubjectInput {
  @Field(() => HouseholdRole, { description: 'Their place in the case; UNBORN takes the expected date of delivery as dateOfBirth' })
  householdRole: HouseholdRole;

  @Field(() => String, { nullable: true, description: 'First name(s); up to 100 characters; leave out when not known' })
  givenName?: string | null;

  @Field(() => String, { description: 'Surname; required, up to 100 characters' })
  familyName: string;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @Field(() => GenderValue, { nullable: true, description: 'Gender, if known' })
  gender?: GenderValue | null;

  @Field(() => String, { nullable: true, description: 'Address without the postcode, up to 300 characters' })
  addressLine?: string | null;

  @Field(() => String, { nullable: true, description: 'UK postcode, any case and spacing (stored upper case with one space, e.g. CV34 4RL); NHS pseudo-postcodes (ZZ99 ...) are accepted' })
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
  @Field(() => String, { description: 'Who made the referral (a professional or a member of the public); required, up to 200 characters' })
  referrerName: string;

  @Field(() => String, { nullable: true, description: "The referrer's organisation, e.g. a school or GP practice; up to 200 characters" })
  referrerOrganisation?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'CIN census referral source code: 1A family, 1B acquaintance, 1C self, 1D other individual, 2A schools, 2B education services, 3A GP, 3B health visitor, ' +
      '3C school nurse, 3D other primary health, 3E A&E, 3F other health, 4 housing, 5A LA social care, 5B other internal LA, 5C another LA, 5D early help, ' +
      '6 police, 7 other legal agency (courts, probation, CAFCASS), 8 other, 9 anonymous, 10 unknown',
  })
  referralSource?: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the referrer, e.g. a telephone number or email; up to 200 characters' })
  referrerContact?: string | null;

  @Field(() => String, { description: 'The concern in the referrer\'s words; required, up to 4000 characters' })
  concern: string;

  @Field(() => CaseKind, { defaultValue: CaseKind.REFERRAL, description: 'A referral (the default), or an information request (give informationRequester): answered in its own timescale and never opened to agency data' })
  kind?: CaseKind;

  @Field(() => InformationRequester, { nullable: true, description: 'Who asks, for an INFORMATION_REQUEST (required then); leave out for a referral' })
  informationRequester?: InformationRequester | null;

  @Field(() => Pathway, { defaultValue: Pathway.CHILDREN, description: "Children's or adults' pathway; CHILDREN by default" })
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

  @Field(() => String, { nullable: true, description: 'Why the rating given in rag; required when rag is given, up to 4000 characters' })
  ragRationale?: string | null;

  @Field(() => [SubjectInput], { description: 'The people the referral names: at least one, at most 30' })
  subjects: SubjectInput[];
}
