import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SenProvision } from '../entities/code-lists';
import { EducationAttendance } from './attendance.type';
import { SenProvisionEnum } from './enums';
import { EducationExclusion } from './exclusion.type';
import { EducationHomeEducation, EducationMissingEducation } from './home-education.type';
import { EducationSchool } from './school.type';

@ObjectType({ description: 'Operation Encompass notifications the school received' })
export class EducationOperationEncompass {
  @Field(() => Int)
  notificationsLast12Months: number;

  @Field(() => String, { nullable: true, description: 'ISO date of the latest notification in the 12 months' })
  latestReceivedOn: string | null;
}

/**
 * What education discloses to a MASH (DOMAIN 6.3: attendance, exclusions, SEN, Operation
 * Encompass): a summary, not the pupil file. Demographics are left out: the hub already has them.
 */
@ObjectType()
export class EducationRecord {
  @Field(() => ID, { description: "Education's own record id, as written in its disclosure log" })
  id: string;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number' })
  upn: string | null;

  @Field({ description: 'The UPN is temporary (recent arrival, not yet resolved)' })
  upnTemporary: boolean;

  @Field(() => EducationSchool, { nullable: true, description: 'The school the child is on roll at' })
  currentSchool: EducationSchool | null;

  @Field()
  onRoll: boolean;

  @Field()
  partTime: boolean;

  @Field(() => EducationAttendance, { nullable: true })
  attendanceThisYear: EducationAttendance | null;

  @Field(() => [EducationExclusion], { description: 'Suspensions and permanent exclusions in the last 12 months, newest first' })
  exclusionsLast12Months: EducationExclusion[];

  @Field(() => SenProvisionEnum)
  senProvision: SenProvision;

  @Field(() => EducationHomeEducation, { nullable: true })
  electiveHomeEducation: EducationHomeEducation | null;

  @Field(() => EducationMissingEducation, { nullable: true })
  childMissingEducation: EducationMissingEducation | null;

  @Field(() => EducationOperationEncompass)
  operationEncompass: EducationOperationEncompass;
}
