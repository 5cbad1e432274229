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
  @Field(() => ID, { description: "The local authority's person id (LAchildID for a child)" })
  personId: string;

  @Field(() => String, { nullable: true, description: 'Unique Pupil Number held for a child (13 characters); null when none is held, and for adults' })
  upn: string | null;

  @Field(() => String, { nullable: true, description: 'NHS number (10 digits, no spaces); null when none is held' })
  nhsNumber: string | null;

  @Field({ description: 'True when the local authority holds the person as an adult (adult social care); false for a child, including an unborn child' })
  isAdult: boolean;

  @Field(() => String, { nullable: true, description: 'Unborn child: expected date of birth (ISO)' })
  expectedDateOfBirth: string | null;

  @Field(() => [SocialCareStatus], { nullable: true, description: WITHHELD })
  currentStatuses: SocialCareStatus[] | null;

  @Field(() => SocialCareReferral, { nullable: true, description: `The open CIN episode, if any. ${WITHHELD}` })
  openReferral: SocialCareReferral | null;

  @Field(() => SocialCareChildProtectionPlan, { nullable: true, description: WITHHELD })
  currentChildProtectionPlan: SocialCareChildProtectionPlan | null;

  @Field(() => [SocialCareChildProtectionPlan], { nullable: true, description: WITHHELD })
  childProtectionPlansEndedLast12Months: SocialCareChildProtectionPlan[] | null;

  @Field(() => Int, { nullable: true, description: `Child protection plans that ended before now (CIN NumberOfPreviousCPP). ${WITHHELD}` })
  previousChildProtectionPlans: number | null;

  @Field(() => SocialCareLookedAfterEpisode, { nullable: true, description: WITHHELD })
  currentLookedAfterEpisode: SocialCareLookedAfterEpisode | null;

  @Field(() => [SocialCareReferral], { nullable: true, description: `Newest first. ${WITHHELD}` })
  referralsLast12Months: SocialCareReferral[] | null;

  @Field(() => [SocialCareAssessmentFactor], {
    nullable: true,
    description: `From assessments in the last 12 months or on the open episode. ${WITHHELD}`,
  })
  assessmentFactors: SocialCareAssessmentFactor[] | null;

  @Field(() => SocialCareEarlyHelpEpisode, { nullable: true, description: WITHHELD })
  openEarlyHelp: SocialCareEarlyHelpEpisode | null;

  @Field(() => [SocialCareSection42Enquiry], { nullable: true, description: WITHHELD })
  openSection42Enquiries: SocialCareSection42Enquiry[] | null;
}
