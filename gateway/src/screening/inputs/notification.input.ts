import { GenderValue } from '@mash/shared';
import { Field, GraphQLISODateTime, ID, InputType } from 'type-graphql';
import { Rag } from '../../hub/entities/enums';
import { DashRisk, DomesticAbuseRole, ScreeningOutcome } from '../entities/enums';

@InputType({ description: 'A person the notification names. Give a date of birth or at least one identifier, as for a referral subject' })
export class DomesticAbusePersonInput {
  @Field(() => DomesticAbuseRole, { description: 'Victim, alleged perpetrator or child' })
  role: DomesticAbuseRole;

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

  @Field(() => String, { nullable: true, description: 'UK postcode, any case and spacing' })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: '10 digits with a Modulus 11 check digit' })
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number, 13 characters with a check letter' })
  upn?: string | null;

  @Field(() => String, { nullable: true, description: 'PNC ID, YYYY/NNNNNNNC or a short form' })
  pncId?: string | null;
}

@InputType({ description: "A police domestic abuse notification as the force's system sends it" })
export class DomesticAbuseNotificationInput {
  @Field(() => String, { description: "The force's reference for the incident, 1-64 letters, digits and / _ . : -; sending the same reference again returns the notification already received" })
  policeReference: string;

  @Field(() => String, { nullable: true, description: 'The force sending it, e.g. Warwickshire Police; up to 100 characters' })
  policeForce?: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the incident happened (not in the future)' })
  incidentAt: Date;

  @Field(() => DashRisk, { description: 'DASH risk level: STANDARD or MEDIUM. HIGH is refused: it goes to MARAC and to the MASH as a referral' })
  dashRisk: DashRisk;

  @Field(() => Boolean, { description: 'Children were present at the incident; then name at least one CHILD in people' })
  childrenPresent: boolean;

  @Field(() => String, { nullable: true, description: "The officer's summary of the incident, up to 4000 characters; kept in the hub, never sent to schools or GPs" })
  summary?: string | null;

  @Field(() => [DomesticAbusePersonInput], { description: 'The people the notification names: at least one, at most 30' })
  people: DomesticAbusePersonInput[];
}

@InputType({ description: 'The screening decision on one waiting notification' })
export class ScreenDomesticAbuseNotificationInput {
  @Field(() => ID, { description: "The notification's id, as domesticAbuseQueue returns it" })
  id: string;

  @Field(() => ScreeningOutcome, { description: 'No further action, an early-help offer (needs consent recorded) or escalation to a MASH case' })
  outcome: ScreeningOutcome;

  @Field(() => String, { description: 'Why; required, up to 4000 characters. Kept in the hub (and in the concern of an escalated case), never in the access log' })
  rationale: string;

  @Field(() => Boolean, { nullable: true, description: "The family's consent to early help is recorded; required (true) for EARLY_HELP_OFFER" })
  consentRecorded?: boolean | null;

  @Field(() => Rag, { nullable: true, description: 'ESCALATE_TO_CASE only: a rating for the new case, given with the rationale and under the same separation of duties as rateCase; leave out to rate it later' })
  rag?: Rag | null;
}
