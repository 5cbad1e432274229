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

  @Field(() => ReferralSource)
  source: ReferralSourceCode;

  @Field(() => PrimaryNeed)
  primaryNeed: PrimaryNeedCode;

  @Field(() => String, { nullable: true, description: 'ISO date; null while open' })
  closureDate: string | null;

  @Field(() => ReasonForClosure, { nullable: true })
  reasonForClosure: ReasonForClosureCode | null;

  @Field({ description: 'No further action was decided on the referral itself' })
  noFurtherAction: boolean;
}

@ObjectType()
export class SocialCareChildProtectionPlan {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => String, { nullable: true, description: 'ISO date; null while the plan is current' })
  endDate: string | null;

  @Field(() => CategoryOfAbuse)
  initialCategory: CategoryOfAbuseCode;

  @Field(() => CategoryOfAbuse)
  latestCategory: CategoryOfAbuseCode;
}

@ObjectType({ description: 'A current period of being looked after; placement addresses are never disclosed' })
export class SocialCareLookedAfterEpisode {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => LegalStatus)
  legalStatus: LegalStatusCode;

  @Field(() => PlacementType)
  placementType: PlacementTypeCode;
}

@ObjectType({ description: 'A factor identified at a recent child and family assessment' })
export class SocialCareAssessmentFactor {
  @Field({ description: 'CIN census factor code, e.g. 3B' })
  code: string;

  @Field()
  description: string;

  @Field({ description: 'ISO date of the latest assessment that identified it' })
  assessedOn: string;
}

@ObjectType({ description: 'An open early-help episode' })
export class SocialCareEarlyHelpEpisode {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => LeadAgency)
  leadAgency: LeadAgencyCode;

  @Field(() => LeadProfessionalRole)
  leadProfessionalRole: LeadProfessionalRoleCode;

  @Field(() => PlanStatus)
  planStatus: PlanStatusCode;
}

@ObjectType({ description: 'An open adult safeguarding enquiry (Care Act 2014 s42 or other)' })
export class SocialCareSection42Enquiry {
  @Field({ description: 'ISO date the concern was raised' })
  concernDate: string;

  @Field(() => EnquiryType)
  enquiryType: EnquiryTypeCode;

  @Field(() => [RiskType])
  riskTypes: RiskTypeCode[];

  @Field(() => SourceOfRisk)
  sourceOfRisk: SourceOfRiskCode;

  @Field(() => LocationOfRisk)
  locationOfRisk: LocationOfRiskCode;

  @Field({ description: 'Mental capacity (MCA 2005) was assessed' })
  mentalCapacityAssessed: boolean;

  @Field(() => String, { description: 'OBTAINED, OVERRIDDEN or NOT_SOUGHT' })
  consent: ConsentCode;
}
