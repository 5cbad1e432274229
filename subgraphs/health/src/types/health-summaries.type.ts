import { Field, Int, ObjectType } from 'type-graphql';
import { CpisPlanTypeValue, MaternityConcernValue } from './enums';

@ObjectType({ description: 'The GP practice a patient is registered with (ODS code and name)' })
export class GpPractice {
  @Field({ description: 'ODS organisation code, e.g. M85001' })
  odsCode: string;

  @Field()
  name: string;

  @Field({ description: 'ISO date' })
  registeredFrom: string;
}

@ObjectType({ description: 'An active CP-IS flag, as unscheduled care sees it' })
export class CpisSummary {
  @Field(() => CpisPlanTypeValue)
  planType: CpisPlanTypeValue;

  @Field({ description: 'ISO date' })
  startDate: string;

  @Field()
  responsibleLocalAuthority: string;
}

@ObjectType({ description: 'An active safeguarding code on the GP record' })
export class SafeguardingCodeSummary {
  @Field({ description: 'SNOMED CT concept id' })
  snomedConceptId: string;

  @Field()
  term: string;

  @Field({ description: 'ISO date' })
  recordedDate: string;
}

@ObjectType({ description: 'ED / MIU / walk-in attendances in the 12 months to the reference date' })
export class UnscheduledCareSummary {
  @Field(() => Int)
  attendancesLast12Months: number;

  @Field({ description: 'Any of those attendances was for an injury' })
  anyInjury: boolean;

  @Field({ description: 'Any of those attendances raised a safeguarding concern' })
  anySafeguardingConcern: boolean;

  @Field(() => String, { nullable: true, description: 'ISO date of the latest attendance' })
  lastAttendedOn: string | null;
}

@ObjectType({ description: 'The current or most recent pregnancy (booking in the last 12 months or due date ahead)' })
export class MaternitySummary {
  @Field({ description: 'ISO date' })
  bookingDate: string;

  @Field(() => Int)
  gestationAtBookingWeeks: number;

  @Field({ description: 'Booked after 12 weeks of pregnancy' })
  lateBooking: boolean;

  @Field({ description: 'Estimated date of delivery, ISO date' })
  edd: string;

  @Field(() => Int)
  antenatalAppointmentsMissed: number;

  @Field(() => [MaternityConcernValue])
  concernsAtBooking: MaternityConcernValue[];
}
