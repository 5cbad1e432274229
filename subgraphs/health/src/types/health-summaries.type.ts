import { Sensitivity } from '@mash/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { CpisPlanTypeValue, MaternityConcernValue } from './enums';

@ObjectType({ description: 'The GP practice a patient is registered with (ODS code and name)' })
export class GpPractice {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ODS organisation code, e.g. M85001' })
  odsCode: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'The practice name' })
  name: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the patient registered with this practice' })
  registeredFrom: string;
}

@ObjectType({
  description:
    'A Child Protection - Information Sharing (CP-IS) flag open on the reference date, as NHS unscheduled care (ED, walk-in, maternity) sees it',
})
export class CpisSummary {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => CpisPlanTypeValue, { description: 'Child protection plan, looked after, or unborn child protection plan' })
  planType: CpisPlanTypeValue;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the plan or care began' })
  startDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'The local authority responsible for the plan or care, by name (e.g. Warwickshire County Council)' })
  responsibleLocalAuthority: string;
}

@ObjectType({ description: 'An active safeguarding code on the GP record (RCGP safeguarding codes, SNOMED CT)' })
export class SafeguardingCodeSummary {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'SNOMED CT concept id, e.g. 836881000000105 (child is cause for safeguarding concern)' })
  snomedConceptId: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'The code in words, e.g. "Subject to child protection plan"' })
  term: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the code was recorded' })
  recordedDate: string;
}

@ObjectType({
  description: 'Attendances at an emergency department (ED), minor injuries unit (MIU) or walk-in centre in the 12 months to the reference date',
})
export class UnscheduledCareSummary {
  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => Int, { description: 'Number of attendances; 0 when none' })
  attendancesLast12Months: number;

  @Sensitivity('HEALTH_SPECIAL')
  @Field({ description: 'Any of those attendances was for an injury' })
  anyInjury: boolean;

  @Sensitivity('HEALTH_SPECIAL')
  @Field({ description: 'Any of those attendances raised a safeguarding concern' })
  anySafeguardingConcern: boolean;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD) of the latest attendance; null when none' })
  lastAttendedOn: string | null;
}

@ObjectType({
  description:
    "The pregnancy that matters now, on the mother's record: the latest booked in the 12 months to the reference date, or one not yet due",
})
export class MaternitySummary {
  @Sensitivity('HEALTH_SPECIAL')
  @Field({ description: 'ISO date (YYYY-MM-DD) of the booking appointment with maternity services' })
  bookingDate: string;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => Int, { description: 'Weeks of pregnancy at the booking appointment' })
  gestationAtBookingWeeks: number;

  @Sensitivity('HEALTH_SPECIAL')
  @Field({ description: 'Booked after 12 weeks of pregnancy (a late booking can signal a concealed pregnancy)' })
  lateBooking: boolean;

  @Sensitivity('HEALTH_SPECIAL')
  @Field({ description: 'Estimated date of delivery, ISO date (YYYY-MM-DD)' })
  edd: string;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => Int, { description: 'Antenatal appointments in this pregnancy the mother did not attend; 0 when none' })
  antenatalAppointmentsMissed: number;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => [MaternityConcernValue], { description: 'Concerns recorded at the booking enquiries; empty when none' })
  concernsAtBooking: MaternityConcernValue[];
}
