import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SocialCareStatus } from './enums';
import {
  SocialCareAssessmentFactor, SocialCareChildProtectionPlan, SocialCareEarlyHelpEpisode, SocialCareLookedAfterEpisode,
  SocialCareReferral, SocialCareSection42Enquiry,
} from './episodes.type';

@ObjectType({
  description: "A MASH summary of a person's social-care involvement (DPA 2018 Sch 1 para 18): " +
    'statuses, dates and codes, never case notes',
})
export class SocialCareRecord {
  @Field(() => ID, { description: "The local authority's person id (LAchildID for a child)" })
  personId: string;

  @Field(() => String, { nullable: true })
  upn: string | null;

  @Field(() => String, { nullable: true })
  nhsNumber: string | null;

  @Field()
  isAdult: boolean;

  @Field(() => String, { nullable: true, description: 'Unborn child: expected date of birth (ISO)' })
  expectedDateOfBirth: string | null;

  @Field(() => [SocialCareStatus])
  currentStatuses: SocialCareStatus[];

  @Field(() => SocialCareReferral, { nullable: true, description: 'The open CIN episode, if any' })
  openReferral: SocialCareReferral | null;

  @Field(() => SocialCareChildProtectionPlan, { nullable: true })
  currentChildProtectionPlan: SocialCareChildProtectionPlan | null;

  @Field(() => [SocialCareChildProtectionPlan])
  childProtectionPlansEndedLast12Months: SocialCareChildProtectionPlan[];

  @Field(() => Int, { description: 'Child protection plans that ended before now (CIN NumberOfPreviousCPP)' })
  previousChildProtectionPlans: number;

  @Field(() => SocialCareLookedAfterEpisode, { nullable: true })
  currentLookedAfterEpisode: SocialCareLookedAfterEpisode | null;

  @Field(() => [SocialCareReferral], { description: 'Newest first' })
  referralsLast12Months: SocialCareReferral[];

  @Field(() => [SocialCareAssessmentFactor], { description: 'From assessments in the last 12 months or on the open episode' })
  assessmentFactors: SocialCareAssessmentFactor[];

  @Field(() => SocialCareEarlyHelpEpisode, { nullable: true })
  openEarlyHelp: SocialCareEarlyHelpEpisode | null;

  @Field(() => [SocialCareSection42Enquiry])
  openSection42Enquiries: SocialCareSection42Enquiry[];
}
