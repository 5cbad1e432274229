import { Field, ObjectType } from 'type-graphql';
import type { CmeReason, CmeStatus, EheSuitabilityOutcome } from '../entities/code-lists';
import { HomeEducationOutcomeEnum, MissingEducationReasonEnum, MissingEducationStatusEnum } from './enums';

@ObjectType({ description: 'The latest elective home education notice' })
export class EducationHomeEducation {
  @Field({ description: 'Still home educated on the reference date' })
  current: boolean;

  @Field({ description: 'ISO date' })
  notifiedDate: string;

  @Field(() => String, { nullable: true })
  previousSchoolUrn: string | null;

  @Field(() => String, { nullable: true })
  laVisitDate: string | null;

  @Field(() => HomeEducationOutcomeEnum)
  suitabilityOutcome: EheSuitabilityOutcome;
}

@ObjectType({ description: 'The latest child-missing-education episode (Education Act 1996 s436A)' })
export class EducationMissingEducation {
  @Field({ description: 'ISO date' })
  reportedDate: string;

  @Field(() => MissingEducationReasonEnum)
  reason: CmeReason;

  @Field(() => MissingEducationStatusEnum)
  status: CmeStatus;

  @Field(() => String, { nullable: true })
  closedDate: string | null;
}
