import { Sensitivity } from '@mash/shared';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Attendance in the academic year (1 September to 31 August) containing the reference date, so far, summed over terms and schools. Authorised and unauthorised absence both count as missed.',
})
export class EducationAttendance {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'The academic year, e.g. 2026/27' })
  academicYear: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Int, { description: 'Sessions the pupil could have attended (a session is a morning or an afternoon)' })
  sessionsPossible: number;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Float, { description: 'Percentage of possible sessions attended, 0-100, one decimal place' })
  attendancePercent: number;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'Missed 10% or more of possible sessions' })
  persistentAbsence: boolean;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'Missed 50% or more of possible sessions' })
  severeAbsence: boolean;
}
