import { GenderValue, Sensitivity } from '@mash/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GpRegistrationStatusValue, MentalHealthServiceValue, NhsNumberVerificationValue } from './enums';
import { CpisSummary, GpPractice, MaternitySummary, SafeguardingCodeSummary, UnscheduledCareSummary } from './health-summaries.type';
import { HealthProtectedContact } from './protected-contact.type';

/** Why a history field can be null: a possible match is shown by identity alone. */
const HISTORY = 'Null for a possible (AMBIGUOUS) match, until a practitioner confirms who it is';

/**
 * What a health MASH practitioner shares: a summary relevant to the concern (DOMAIN.md 6.3),
 * never clinical notes. UK GDPR Art 9(2)(g) with DPA 2018 Sch 1 para 18 (safeguarding).
 */
@ObjectType({
  description:
    'What health discloses about one patient: PDS identity plus a safeguarding summary on the reference date (GP registration, CP-IS, safeguarding codes, unscheduled care, missed appointments, mental health, substance misuse, maternity), never clinical notes. For a possible (AMBIGUOUS) match only the identity fields are filled in.',
})
export class HealthRecord {
  @Sensitivity('BASIC_IDENTITY')
  @Field(() => ID, { description: "Health's own record id, as written to its disclosure log" })
  id: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, {
    nullable: true,
    description: 'NHS number, 10 digits without spaces, check digit verified; null when the patient has none yet (e.g. a new arrival not yet traced)',
  })
  nhsNumber: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => NhsNumberVerificationValue, { description: 'How far the NHS number has been verified on PDS' })
  nhsNumberVerification: NhsNumberVerificationValue;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Given name as held on PDS' })
  givenName: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Family name as held on PDS' })
  familyName: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'Date of birth, ISO date (YYYY-MM-DD)' })
  dateOfBirth: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => GenderValue, { description: 'PDS administrative gender' })
  gender: GenderValue;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'Date of death, ISO date (YYYY-MM-DD); null when not recorded as deceased' })
  deceasedDate: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field({
    description:
      'PDS sensitive record: address, postcode, UPRN and GP practice are withheld here under every grant (see protectedContact, restricted); ask the health SPOC',
  })
  restricted: boolean;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, {
    nullable: true,
    description: 'Home address as held on PDS, as one line (house number, street, town) without the postcode; null when restricted or not known',
  })
  addressLine: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'Home postcode as held on PDS, upper case with a single space (e.g. CV34 4RL); null when restricted or not known' })
  postcode: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, {
    nullable: true,
    description: 'Unique Property Reference Number of the home address (up to 12 digits); null when restricted or not known',
  })
  uprn: string | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => GpRegistrationStatusValue, {
    nullable: true,
    description: `Whether the patient is registered with a GP now; NOT_REGISTERED when there is no registration on record. ${HISTORY}`,
  })
  gpRegistrationStatus: GpRegistrationStatusValue | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => GpPractice, { nullable: true, description: 'The current practice; null when not registered, restricted or a possible match' })
  registeredPractice: GpPractice | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => CpisSummary, {
    nullable: true,
    description: `The CP-IS flag open on the reference date (for an unborn child it sits on the mother); null when none. ${HISTORY}`,
  })
  cpis: CpisSummary | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [SafeguardingCodeSummary], {
    nullable: true,
    description: `Safeguarding codes active on the GP record on the reference date; empty when none. ${HISTORY}`,
  })
  activeSafeguardingCodes: SafeguardingCodeSummary[] | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => UnscheduledCareSummary, {
    nullable: true,
    description: `ED, minor injuries unit and walk-in attendances in the 12 months to the reference date. ${HISTORY}`,
  })
  unscheduledCare: UnscheduledCareSummary | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => Int, { nullable: true, description: `Appointments the patient was not brought to (did not attend) in the 12 months to the reference date; 0 when none. ${HISTORY}` })
  wasNotBroughtLast12Months: number | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => [MentalHealthServiceValue], { nullable: true, description: `Mental health services the patient is open to on the reference date; empty when none. ${HISTORY}` })
  openMentalHealthServices: MentalHealthServiceValue[] | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => Boolean, { nullable: true, description: `Detained under the Mental Health Act 1983 in the last 12 months. ${HISTORY}` })
  mentalHealthActDetentionLast12Months: boolean | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => Boolean, { nullable: true, description: `Open to a substance misuse treatment service now. ${HISTORY}` })
  openToSubstanceMisuseService: boolean | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => String, { nullable: true, description: 'The substance misuse treatment provider, by name; null when not open to a service' })
  substanceMisuseProvider: string | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => MaternitySummary, {
    nullable: true,
    description: `The current or recent pregnancy on this patient's (the mother's) record; null when there is none. ${HISTORY}`,
  })
  maternity: MaternitySummary | null;

  @Sensitivity('RESTRICTED')
  @Field(() => HealthProtectedContact, {
    nullable: true,
    description: `A restricted (PDS sensitive) patient's address and GP practice as held; null when the patient is not restricted. Restricted: never released automatically (ISA_DENIED); ask the health single point of contact. ${HISTORY}`,
  })
  protectedContact: HealthProtectedContact | null;
}
