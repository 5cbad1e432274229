import { GenderValue } from '@mash/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GpRegistrationStatusValue, MentalHealthServiceValue, NhsNumberVerificationValue } from './enums';
import { CpisSummary, GpPractice, MaternitySummary, SafeguardingCodeSummary, UnscheduledCareSummary } from './health-summaries.type';

/** Why a history field can be null: a possible match is shown by identity alone. */
const HISTORY = 'Null for a possible (AMBIGUOUS) match, until a practitioner confirms who it is';

/**
 * What a health MASH practitioner shares: a summary relevant to the concern (DOMAIN.md 6.3),
 * never clinical notes. UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 para 18 (safeguarding).
 */
@ObjectType({ description: 'A safeguarding summary of one patient record' })
export class HealthRecord {
  @Field(() => ID, { description: "Health's own record id, as written to its disclosure log" })
  id: string;

  @Field(() => String, { nullable: true })
  nhsNumber: string | null;

  @Field(() => NhsNumberVerificationValue)
  nhsNumberVerification: NhsNumberVerificationValue;

  @Field()
  givenName: string;

  @Field()
  familyName: string;

  @Field({ description: 'ISO date' })
  dateOfBirth: string;

  @Field(() => GenderValue)
  gender: GenderValue;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  deceasedDate: string | null;

  @Field({
    description:
      'PDS sensitive record: address, postcode, UPRN and GP practice are withheld under every grant; ask the health SPOC',
  })
  restricted: boolean;

  @Field(() => String, { nullable: true, description: 'Null when restricted' })
  addressLine: string | null;

  @Field(() => String, { nullable: true, description: 'Null when restricted' })
  postcode: string | null;

  @Field(() => String, { nullable: true, description: 'Null when restricted' })
  uprn: string | null;

  @Field(() => GpRegistrationStatusValue, { nullable: true, description: HISTORY })
  gpRegistrationStatus: GpRegistrationStatusValue | null;

  @Field(() => GpPractice, { nullable: true, description: 'The current practice; null when not registered, restricted or a possible match' })
  registeredPractice: GpPractice | null;

  @Field(() => CpisSummary, { nullable: true, description: 'Active CP-IS flag, if any' })
  cpis: CpisSummary | null;

  @Field(() => [SafeguardingCodeSummary], { nullable: true, description: HISTORY })
  activeSafeguardingCodes: SafeguardingCodeSummary[] | null;

  @Field(() => UnscheduledCareSummary, { nullable: true, description: HISTORY })
  unscheduledCare: UnscheduledCareSummary | null;

  @Field(() => Int, { nullable: true, description: `Appointments the child was not brought to, last 12 months. ${HISTORY}` })
  wasNotBroughtLast12Months: number | null;

  @Field(() => [MentalHealthServiceValue], { nullable: true, description: `Mental health services the patient is open to now. ${HISTORY}` })
  openMentalHealthServices: MentalHealthServiceValue[] | null;

  @Field(() => Boolean, { nullable: true, description: `Detained under the Mental Health Act 1983 in the last 12 months. ${HISTORY}` })
  mentalHealthActDetentionLast12Months: boolean | null;

  @Field(() => Boolean, { nullable: true, description: `Open to a substance misuse treatment service now. ${HISTORY}` })
  openToSubstanceMisuseService: boolean | null;

  @Field(() => String, { nullable: true, description: 'The treatment provider, when open' })
  substanceMisuseProvider: string | null;

  @Field(() => MaternitySummary, { nullable: true })
  maternity: MaternitySummary | null;
}
