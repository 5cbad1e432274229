import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ApReason, SenProvision } from '../entities/code-lists';
import { EducationAttendance } from './attendance.type';
import { AlternativeProvisionReasonEnum, SenProvisionEnum } from './enums';
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

@ObjectType({ description: 'The alternative provision placement the child attends now (a PRU, an AP academy or another provider)' })
export class EducationAlternativeProvision {
  @Field(() => AlternativeProvisionReasonEnum, { description: 'Why the child was placed there (census reason)' })
  reason: ApReason;

  @Field({ description: "The provider's name" })
  provider: string;

  @Field({ description: 'ISO date the placement began' })
  startDate: string;
}

const WITHHELD = 'Null while identity is unresolved (status AMBIGUOUS): confirm who this is first.';

/**
 * What education discloses to a MASH (DOMAIN 6.3: attendance, exclusions, SEN, Operation
 * Encompass): a summary, not the pupil file. Demographics are left out: the hub already has them.
 * A possible (AMBIGUOUS) match shows its id and UPN only; everything else is null, withheld, not "none".
 */
@ObjectType()
export class EducationRecord {
  @Field(() => ID, { description: "Education's own record id, as written in its disclosure log" })
  id: string;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number' })
  upn: string | null;

  @Field(() => Boolean, { nullable: true, description: `The UPN is temporary (recent arrival, not yet resolved). ${WITHHELD}` })
  upnTemporary: boolean | null;

  @Field(() => EducationSchool, { nullable: true, description: `The school the child is on roll at. ${WITHHELD}` })
  currentSchool: EducationSchool | null;

  @Field(() => Boolean, { nullable: true, description: WITHHELD })
  onRoll: boolean | null;

  @Field(() => Boolean, { nullable: true, description: WITHHELD })
  partTime: boolean | null;

  @Field(() => EducationAttendance, { nullable: true, description: WITHHELD })
  attendanceThisYear: EducationAttendance | null;

  @Field(() => [EducationExclusion], {
    nullable: true,
    description: `Suspensions and permanent exclusions in the last 12 months, newest first. ${WITHHELD}`,
  })
  exclusionsLast12Months: EducationExclusion[] | null;

  @Field(() => SenProvisionEnum, { nullable: true, description: WITHHELD })
  senProvision: SenProvision | null;

  @Field(() => EducationHomeEducation, { nullable: true, description: WITHHELD })
  electiveHomeEducation: EducationHomeEducation | null;

  @Field(() => EducationMissingEducation, { nullable: true, description: WITHHELD })
  childMissingEducation: EducationMissingEducation | null;

  @Field(() => EducationOperationEncompass, { nullable: true, description: WITHHELD })
  operationEncompass: EducationOperationEncompass | null;

  @Field(() => EducationAlternativeProvision, {
    nullable: true,
    description: `The alternative provision placement open on the reference date; null when none. ${WITHHELD}`,
  })
  alternativeProvision: EducationAlternativeProvision | null;

  @Field(() => Boolean, { nullable: true, description: `Eligible for free school meals on the reference date (a deprivation indicator). ${WITHHELD}` })
  freeSchoolMeals: boolean | null;
}
