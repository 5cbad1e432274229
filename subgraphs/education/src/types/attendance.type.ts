import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Attendance in the current academic year so far, across schools' })
export class EducationAttendance {
  @Field({ description: 'e.g. 2026/27' })
  academicYear: string;

  @Field(() => Int)
  sessionsPossible: number;

  @Field(() => Float, { description: 'Percentage of possible sessions attended, one decimal place' })
  attendancePercent: number;

  @Field({ description: 'Missed 10% or more of possible sessions' })
  persistentAbsence: boolean;

  @Field({ description: 'Missed 50% or more of possible sessions' })
  severeAbsence: boolean;
}
