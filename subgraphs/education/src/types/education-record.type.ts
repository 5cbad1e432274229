import { Sensitivity } from '@mash/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ApReason, SenProvision } from '../entities/code-lists';
import { EducationAttendance } from './attendance.type';
import { AlternativeProvisionReasonEnum, SenProvisionEnum } from './enums';
import { EducationExclusion } from './exclusion.type';
import { EducationHomeEducation, EducationMissingEducation } from './home-education.type';
import { EducationSchool } from './school.type';

@ObjectType({
  description:
    "Operation Encompass notifications the child's school received from the police (each one a domestic abuse incident the child was exposed to; the details stay with the police), in the 12 months to the reference date. Where the grant leaves out standard-risk domestic abuse, standard-risk notifications are not counted.",
})
export class EducationOperationEncompass {
  @Sensitivity('CRIMINAL_OFFENCE')
  @Field(() => Int, { description: 'Number of notifications; 0 when none' })
  notificationsLast12Months: number;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD, UTC day) the latest of those notifications was received; null when none' })
  latestReceivedOn: string | null;
}

@ObjectType({ description: 'The alternative provision placement the child attends now (a PRU, an AP academy or another provider)' })
export class EducationAlternativeProvision {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => AlternativeProvisionReasonEnum, { description: 'Why the child was placed there (census reason)' })
  reason: ApReason;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: "The provider's name" })
  provider: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the placement began' })
  startDate: string;
}

const WITHHELD = 'Null while identity is unresolved (status AMBIGUOUS): confirm who this is first.';

/**
 * What education discloses to a MASH (DOMAIN 6.3: attendance, exclusions, SEN, Operation
 * Encompass): a summary, not the pupil file. Demographics are left out: the hub already has them.
 * A possible (AMBIGUOUS) match shows its id and UPN only; everything else is null, withheld, not "none".
 */
@ObjectType({
  description:
    'What education (schools and the local authority) discloses about one pupil: a summary on the reference date of school roll, attendance, exclusions, SEN, alternative provision, free school meals, home education, missing education and Operation Encompass, not the pupil file. For a possible (AMBIGUOUS) match only id and UPN are filled in.',
})
export class EducationRecord {
  @Sensitivity('BASIC_IDENTITY')
  @Field(() => ID, { description: "Education's own record id, as written in its disclosure log" })
  id: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, {
    nullable: true,
    description: 'Unique Pupil Number, 13 characters (e.g. G937200124001); null when the child never had one (e.g. arrived from abroad, never enrolled)',
  })
  upn: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => Boolean, { nullable: true, description: `The UPN is temporary (recent arrival, not yet resolved). ${WITHHELD}` })
  upnTemporary: boolean | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EducationSchool, {
    nullable: true,
    description: `The school the child is on roll at on the reference date (the main registration when dual registered); null when on no roll. ${WITHHELD}`,
  })
  currentSchool: EducationSchool | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Boolean, {
    nullable: true,
    description: `On a school roll on the reference date; false means on no roll (see electiveHomeEducation and childMissingEducation). ${WITHHELD}`,
  })
  onRoll: boolean | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Boolean, {
    nullable: true,
    description: `On a reduced (part-time) timetable at the current school, a concern when prolonged; false when full time or on no roll. ${WITHHELD}`,
  })
  partTime: boolean | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EducationAttendance, {
    nullable: true,
    description: `Attendance this academic year; null when no sessions are recorded for it yet. ${WITHHELD}`,
  })
  attendanceThisYear: EducationAttendance | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [EducationExclusion], {
    nullable: true,
    description: `Suspensions and permanent exclusions in the last 12 months, newest first. ${WITHHELD}`,
  })
  exclusionsLast12Months: EducationExclusion[] | null;

  @Sensitivity('HEALTH_SPECIAL')
  @Field(() => SenProvisionEnum, { nullable: true, description: `Special educational needs provision; NONE when no SEN is recorded. ${WITHHELD}` })
  senProvision: SenProvision | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EducationHomeEducation, {
    nullable: true,
    description: `The latest elective home education notice, current or ended; null when there has been none. ${WITHHELD}`,
  })
  electiveHomeEducation: EducationHomeEducation | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EducationMissingEducation, {
    nullable: true,
    description: `The latest child-missing-education episode, open or closed; null when there has been none. ${WITHHELD}`,
  })
  childMissingEducation: EducationMissingEducation | null;

  @Sensitivity('CRIMINAL_OFFENCE')
  @Field(() => EducationOperationEncompass, {
    nullable: true,
    description: `Operation Encompass notifications in the 12 months to the reference date. ${WITHHELD}`,
  })
  operationEncompass: EducationOperationEncompass | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EducationAlternativeProvision, {
    nullable: true,
    description: `The alternative provision placement open on the reference date; null when none. ${WITHHELD}`,
  })
  alternativeProvision: EducationAlternativeProvision | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Boolean, { nullable: true, description: `Eligible for free school meals on the reference date (a deprivation indicator). ${WITHHELD}` })
  freeSchoolMeals: boolean | null;
}
