import { Sensitivity } from '@mash/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SocialCareStatus } from './enums';
import {
  SocialCareAssessmentFactor, SocialCareChildProtectionPlan, SocialCareEarlyHelpEpisode, SocialCareLookedAfterEpisode,
  SocialCareReferral, SocialCareSection42Enquiry,
} from './episodes.type';

const WITHHELD = 'Null while identity is unresolved (status AMBIGUOUS): confirm who this is first.';

// The episode fields are null, not empty, for a possible (AMBIGUOUS) match: withheld is not "none".
@ObjectType({
  description: "A MASH summary of a person's social-care involvement (DPA 2018 Sch 1 para 18): " +
    'statuses, dates and codes, never case notes',
})
export class SocialCareRecord {
  @Sensitivity('BASIC_IDENTITY')
  @Field(() => ID, { description: "The local authority's person id (LAchildID for a child)" })
  personId: string;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'Unique Pupil Number held for a child (13 characters); null when none is held, and for adults' })
  upn: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'NHS number (10 digits, no spaces); null when none is held' })
  nhsNumber: string | null;

  @Sensitivity('BASIC_IDENTITY')
  @Field({ description: 'True when the local authority holds the person as an adult (adult social care); false for a child, including an unborn child' })
  isAdult: boolean;

  @Sensitivity('BASIC_IDENTITY')
  @Field(() => String, { nullable: true, description: 'Unborn child: expected date of birth (ISO)' })
  expectedDateOfBirth: string | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [SocialCareStatus], { nullable: true, description: WITHHELD })
  currentStatuses: SocialCareStatus[] | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => SocialCareReferral, { nullable: true, description: `The open CIN episode, if any. ${WITHHELD}` })
  openReferral: SocialCareReferral | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => SocialCareChildProtectionPlan, { nullable: true, description: WITHHELD })
  currentChildProtectionPlan: SocialCareChildProtectionPlan | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [SocialCareChildProtectionPlan], { nullable: true, description: WITHHELD })
  childProtectionPlansEndedLast12Months: SocialCareChildProtectionPlan[] | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Int, { nullable: true, description: `Child protection plans that ended before now (CIN NumberOfPreviousCPP). ${WITHHELD}` })
  previousChildProtectionPlans: number | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => SocialCareLookedAfterEpisode, { nullable: true, description: WITHHELD })
  currentLookedAfterEpisode: SocialCareLookedAfterEpisode | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [SocialCareReferral], { nullable: true, description: `Newest first. ${WITHHELD}` })
  referralsLast12Months: SocialCareReferral[] | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [SocialCareAssessmentFactor], {
    nullable: true,
    description: `From assessments in the last 12 months or on the open episode. ${WITHHELD}`,
  })
  assessmentFactors: SocialCareAssessmentFactor[] | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => SocialCareEarlyHelpEpisode, { nullable: true, description: WITHHELD })
  openEarlyHelp: SocialCareEarlyHelpEpisode | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [SocialCareSection42Enquiry], { nullable: true, description: WITHHELD })
  openSection42Enquiries: SocialCareSection42Enquiry[] | null;
}
