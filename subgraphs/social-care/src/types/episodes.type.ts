import { Sensitivity } from '@mash/shared';
import { Field, ObjectType } from 'type-graphql';
import type {
  CategoryOfAbuseCode, ConsentCode, EnquiryTypeCode, LeadAgencyCode, LeadProfessionalRoleCode, LegalStatusCode, LocationOfRiskCode,
  PlacementTypeCode, PlanStatusCode, PrimaryNeedCode, ReasonForClosureCode, ReferralSourceCode, RiskTypeCode, SourceOfRiskCode,
} from '../entities/code-lists';
import {
  CategoryOfAbuse, EnquiryType, LeadAgency, LeadProfessionalRole, LegalStatus, LocationOfRisk, PlacementType, PlanStatus,
  PrimaryNeed, ReasonForClosure, ReferralSource, RiskType, SourceOfRisk,
} from './enums';

// Summaries only: dates, codes and statuses a MASH needs to triage, never case notes or narratives.

@ObjectType({ description: 'A referral that opened a CIN episode' })
export class SocialCareReferral {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date' })
  referralDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => ReferralSource, { description: 'Who made the referral (CIN census referral source)' })
  source: ReferralSourceCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => PrimaryNeed, { description: "The child's primary need as assessed (CIN census N0-N9)" })
  primaryNeed: PrimaryNeedCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { nullable: true, description: 'ISO date; null while open' })
  closureDate: string | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => ReasonForClosure, { nullable: true, description: 'Why the episode closed (CIN census RC1-RC9); null while open' })
  reasonForClosure: ReasonForClosureCode | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'No further action was decided on the referral itself' })
  noFurtherAction: boolean;
}

@ObjectType({ description: 'A child protection plan (CIN census), made at an initial child protection conference' })
export class SocialCareChildProtectionPlan {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date' })
  startDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { nullable: true, description: 'ISO date; null while the plan is current' })
  endDate: string | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => CategoryOfAbuse, { description: 'Category of abuse when the plan started' })
  initialCategory: CategoryOfAbuseCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => CategoryOfAbuse, { description: 'Latest category of abuse recorded on the plan (it can change at a review)' })
  latestCategory: CategoryOfAbuseCode;
}

@ObjectType({ description: 'A current period of being looked after; placement addresses are never disclosed' })
export class SocialCareLookedAfterEpisode {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date' })
  startDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => LegalStatus, { description: 'The legal basis on which the child is looked after (SSDA903 legal status)' })
  legalStatus: LegalStatusCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => PlacementType, { description: 'The kind of placement (SSDA903 placement type); never its address' })
  placementType: PlacementTypeCode;
}

@ObjectType({ description: 'A factor identified at a recent child and family assessment' })
export class SocialCareAssessmentFactor {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'CIN census factor code, e.g. 3B' })
  code: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: "The factor in plain words, e.g. 'Domestic violence: parent/carer'" })
  description: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date of the latest assessment that identified it' })
  assessedOn: string;
}

@ObjectType({ description: 'An open early-help episode' })
export class SocialCareEarlyHelpEpisode {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date' })
  startDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => LeadAgency, { description: 'The agency leading the early help' })
  leadAgency: LeadAgencyCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => LeadProfessionalRole, { description: "The lead professional's role (never their name): who to contact through the lead agency" })
  leadProfessionalRole: LeadProfessionalRoleCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => PlanStatus, { description: 'Where the episode has got to: assessment, plan, review or closed' })
  planStatus: PlanStatusCode;
}

@ObjectType({ description: 'An open adult safeguarding enquiry (Care Act 2014 s42 or other)' })
export class SocialCareSection42Enquiry {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date the concern was raised' })
  concernDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EnquiryType, { description: 'A statutory s42 enquiry or an other safeguarding enquiry' })
  enquiryType: EnquiryTypeCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [RiskType], { description: 'The types of abuse or neglect the enquiry is about (one or more)' })
  riskTypes: RiskTypeCode[];

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => SourceOfRisk, { description: 'Who the risk comes from' })
  sourceOfRisk: SourceOfRiskCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => LocationOfRisk, { description: 'Where the risk arises' })
  locationOfRisk: LocationOfRiskCode;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'Mental capacity (MCA 2005) was assessed' })
  mentalCapacityAssessed: boolean;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => String, { description: 'OBTAINED, OVERRIDDEN or NOT_SOUGHT' })
  consent: ConsentCode;
}
