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
  @Field({ description: 'ISO date' })
  referralDate: string;

  @Field(() => ReferralSource, { description: 'Who made the referral (CIN census referral source)' })
  source: ReferralSourceCode;

  @Field(() => PrimaryNeed, { description: "The child's primary need as assessed (CIN census N0-N9)" })
  primaryNeed: PrimaryNeedCode;

  @Field(() => String, { nullable: true, description: 'ISO date; null while open' })
  closureDate: string | null;

  @Field(() => ReasonForClosure, { nullable: true, description: 'Why the episode closed (CIN census RC1-RC9); null while open' })
  reasonForClosure: ReasonForClosureCode | null;

  @Field({ description: 'No further action was decided on the referral itself' })
  noFurtherAction: boolean;
}

@ObjectType({ description: 'A child protection plan (CIN census), made at an initial child protection conference' })
export class SocialCareChildProtectionPlan {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => String, { nullable: true, description: 'ISO date; null while the plan is current' })
  endDate: string | null;

  @Field(() => CategoryOfAbuse, { description: 'Category of abuse when the plan started' })
  initialCategory: CategoryOfAbuseCode;

  @Field(() => CategoryOfAbuse, { description: 'Latest category of abuse recorded on the plan (it can change at a review)' })
  latestCategory: CategoryOfAbuseCode;
}

@ObjectType({ description: 'A current period of being looked after; placement addresses are never disclosed' })
export class SocialCareLookedAfterEpisode {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => LegalStatus, { description: 'The legal basis on which the child is looked after (SSDA903 legal status)' })
  legalStatus: LegalStatusCode;

  @Field(() => PlacementType, { description: 'The kind of placement (SSDA903 placement type); never its address' })
  placementType: PlacementTypeCode;
}

@ObjectType({ description: 'A factor identified at a recent child and family assessment' })
export class SocialCareAssessmentFactor {
  @Field({ description: 'CIN census factor code, e.g. 3B' })
  code: string;

  @Field({ description: "The factor in plain words, e.g. 'Domestic violence: parent/carer'" })
  description: string;

  @Field({ description: 'ISO date of the latest assessment that identified it' })
  assessedOn: string;
}

@ObjectType({ description: 'An open early-help episode' })
export class SocialCareEarlyHelpEpisode {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => LeadAgency, { description: 'The agency leading the early help' })
  leadAgency: LeadAgencyCode;

  @Field(() => LeadProfessionalRole, { description: "The lead professional's role (never their name): who to contact through the lead agency" })
  leadProfessionalRole: LeadProfessionalRoleCode;

  @Field(() => PlanStatus, { description: 'Where the episode has got to: assessment, plan, review or closed' })
  planStatus: PlanStatusCode;
}

@ObjectType({ description: 'An open adult safeguarding enquiry (Care Act 2014 s42 or other)' })
export class SocialCareSection42Enquiry {
  @Field({ description: 'ISO date the concern was raised' })
  concernDate: string;

  @Field(() => EnquiryType, { description: 'A statutory s42 enquiry or an other safeguarding enquiry' })
  enquiryType: EnquiryTypeCode;

  @Field(() => [RiskType], { description: 'The types of abuse or neglect the enquiry is about (one or more)' })
  riskTypes: RiskTypeCode[];

  @Field(() => SourceOfRisk, { description: 'Who the risk comes from' })
  sourceOfRisk: SourceOfRiskCode;

  @Field(() => LocationOfRisk, { description: 'Where the risk arises' })
  locationOfRisk: LocationOfRiskCode;

  @Field({ description: 'Mental capacity (MCA 2005) was assessed' })
  mentalCapacityAssessed: boolean;

  @Field(() => String, { description: 'OBTAINED, OVERRIDDEN or NOT_SOUGHT' })
  consent: ConsentCode;
}
