import { registerEnumType } from 'type-graphql';
import {
  CATEGORY_OF_ABUSE_CODES, ENQUIRY_TYPE_CODES, LEAD_AGENCY_CODES, LEAD_PROFESSIONAL_ROLE_CODES, LEGAL_STATUS_CODES,
  LOCATION_OF_RISK_CODES, PLACEMENT_TYPE_CODES, PLAN_STATUS_CODES, PRIMARY_NEED_CODES, REASON_FOR_CLOSURE_CODES, RISK_TYPE_CODES,
  type ReferralSourceCode, SOURCE_OF_RISK_CODES,
} from '../entities/code-lists';

/** A GraphQL enum whose value names are the stored codes themselves. */
function codeEnum<C extends string>(codes: readonly C[]): Record<C, C> {
  return Object.fromEntries(codes.map((code) => [code, code])) as Record<C, C>;
}

export const CategoryOfAbuse = codeEnum(CATEGORY_OF_ABUSE_CODES);
registerEnumType(CategoryOfAbuse, {
  name: 'SocialCareCategoryOfAbuse',
  description: 'CIN census category of abuse on a child protection plan',
  valuesConfig: {
    NEG: { description: 'Neglect' }, PHY: { description: 'Physical abuse' }, SAB: { description: 'Sexual abuse' },
    EMO: { description: 'Emotional abuse' }, MUL: { description: 'Multiple categories' },
  },
});

export const PrimaryNeed = codeEnum(PRIMARY_NEED_CODES);
registerEnumType(PrimaryNeed, {
  name: 'SocialCarePrimaryNeed',
  description: 'CIN census primary need code: N1 abuse or neglect, N2 child disability, N3 parental disability or illness, ' +
    'N4 family in acute stress, N5 family dysfunction, N6 socially unacceptable behaviour, N7 low income, ' +
    'N8 absent parenting, N9 cases other than children in need, N0 not stated',
});

export const ReasonForClosure = codeEnum(REASON_FOR_CLOSURE_CODES);
registerEnumType(ReasonForClosure, {
  name: 'SocialCareReasonForClosure',
  description: 'CIN census reason for closure (RC1 adopted ... RC8 closed after assessment, no further action; ' +
    'RC9 closed after assessment, referred to early help)',
});

/** Value names describe the source; the values are the CIN census codes stored. */
export const ReferralSource = {
  FAMILY_RELATIVE_CARER: '1A', ACQUAINTANCE: '1B', SELF: '1C', OTHER_INDIVIDUAL: '1D', SCHOOL: '2A',
  EDUCATION_SERVICES: '2B', GP: '3A', HEALTH_VISITOR: '3B', SCHOOL_NURSE: '3C', OTHER_PRIMARY_HEALTH: '3D',
  A_AND_E: '3E', OTHER_HEALTH: '3F', HOUSING: '4', LA_SOCIAL_CARE: '5A', OTHER_INTERNAL_LA: '5B', ANOTHER_LA: '5C',
  EARLY_HELP: '5D', POLICE: '6', OTHER_LEGAL_AGENCY: '7', OTHER: '8', ANONYMOUS: '9', UNKNOWN: '10',
} as const satisfies Record<string, ReferralSourceCode>;
registerEnumType(ReferralSource, { name: 'SocialCareReferralSource', description: 'CIN census referral source' });

export const LegalStatus = codeEnum(LEGAL_STATUS_CODES);
registerEnumType(LegalStatus, {
  name: 'SocialCareLegalStatus',
  description: 'SSDA903 legal status of a looked-after child',
  valuesConfig: {
    C1: { description: 'Interim care order' }, C2: { description: 'Full care order' }, D1: { description: 'Freeing order' },
    E1: { description: 'Placement order' }, V2: { description: 'Single period of s20 accommodation' },
    V3: { description: 'Short breaks (single)' }, V4: { description: 'Short breaks (series)' },
    L1: { description: 'Police protection and LA accommodation' }, L2: { description: 'Emergency protection order' },
    L3: { description: 'Child assessment order' }, J1: { description: 'Remand' }, J2: { description: 'PACE accommodation' },
    J3: { description: 'Youth rehabilitation order with residence requirement' },
  },
});

export const PlacementType = codeEnum(PLACEMENT_TYPE_CODES);
registerEnumType(PlacementType, { name: 'SocialCarePlacementType', description: 'SSDA903 placement type (PLACE)' });

export const LeadAgency = codeEnum(LEAD_AGENCY_CODES);
registerEnumType(LeadAgency, { name: 'EarlyHelpLeadAgency' });

export const LeadProfessionalRole = codeEnum(LEAD_PROFESSIONAL_ROLE_CODES);
registerEnumType(LeadProfessionalRole, { name: 'EarlyHelpLeadProfessionalRole', description: 'Role only; no names' });

export const PlanStatus = codeEnum(PLAN_STATUS_CODES);
registerEnumType(PlanStatus, { name: 'EarlyHelpPlanStatus' });

export const EnquiryType = codeEnum(ENQUIRY_TYPE_CODES);
registerEnumType(EnquiryType, {
  name: 'AdultSafeguardingEnquiryType',
  description: 'S42: Care Act 2014 s42 duty met; OTHER: an other safeguarding enquiry, where proportionate',
});

export const RiskType = codeEnum(RISK_TYPE_CODES);
registerEnumType(RiskType, { name: 'AdultSafeguardingRiskType', description: 'Safeguarding Adults Collection type of risk' });

export const SourceOfRisk = codeEnum(SOURCE_OF_RISK_CODES);
registerEnumType(SourceOfRisk, { name: 'AdultSafeguardingSourceOfRisk' });

export const LocationOfRisk = codeEnum(LOCATION_OF_RISK_CODES);
registerEnumType(LocationOfRisk, { name: 'AdultSafeguardingLocationOfRisk' });

/** What the person is open to today. */
export enum SocialCareStatus {
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CHILD_PROTECTION_PLAN = 'CHILD_PROTECTION_PLAN',
  LOOKED_AFTER = 'LOOKED_AFTER',
  EARLY_HELP = 'EARLY_HELP',
  ADULT_SAFEGUARDING_ENQUIRY = 'ADULT_SAFEGUARDING_ENQUIRY',
}
registerEnumType(SocialCareStatus, { name: 'SocialCareStatus', description: 'An episode open today' });
