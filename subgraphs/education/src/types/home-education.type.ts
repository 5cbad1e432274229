import { Sensitivity } from '@mash/shared';
import { Field, ObjectType } from 'type-graphql';
import type { CmeReason, CmeStatus, EheSuitabilityOutcome } from '../entities/code-lists';
import { HomeEducationOutcomeEnum, MissingEducationReasonEnum, MissingEducationStatusEnum } from './enums';

@ObjectType({ description: "The latest notice, given by the reference date, that the child's parents have chosen to educate them at home (elective home education, EHE)" })
export class EducationHomeEducation {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'Still home educated on the reference date (false: the child has since returned to school or left the area)' })
  current: boolean;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the local authority was notified' })
  notifiedDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, {
    nullable: true,
    description: 'GIAS URN (6 digits) of the school the child left, which may be outside the authority; null when none is recorded',
  })
  previousSchoolUrn: string | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { nullable: true, description: "ISO date (YYYY-MM-DD) of the local authority's visit; null when no visit is recorded" })
  laVisitDate: string | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => HomeEducationOutcomeEnum, { description: "The local authority's view of whether the education at home is suitable" })
  suitabilityOutcome: EheSuitabilityOutcome;
}

@ObjectType({
  description:
    'The latest child-missing-education (CME) episode reported by the reference date, open or closed: a child of compulsory school age not on a school roll and not receiving suitable education otherwise (Education Act 1996 s436A)',
})
export class EducationMissingEducation {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the child was reported missing education' })
  reportedDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => MissingEducationReasonEnum, { description: 'Why the child was recorded as missing education' })
  reason: CmeReason;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => MissingEducationStatusEnum, {
    description: 'Open or closed as recorded now; an episode closed after the reference date was still open on that date',
  })
  status: CmeStatus;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD) the episode was closed; null while it is open' })
  closedDate: string | null;
}
