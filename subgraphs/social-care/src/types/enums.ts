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
  valuesConfig: {
    N0: { description: 'Not stated.' },
    N1: { description: 'Abuse or neglect.' },
    N2: { description: "The child's disability." },
    N3: { description: 'Parental disability or illness.' },
    N4: { description: 'Family in acute stress.' },
    N5: { description: 'Family dysfunction.' },
    N6: { description: 'Socially unacceptable behaviour.' },
    N7: { description: 'Low income.' },
    N8: { description: 'Absent parenting.' },
    N9: { description: 'Cases other than children in need.' },
  },
});

export const ReasonForClosure = codeEnum(REASON_FOR_CLOSURE_CODES);
registerEnumType(ReasonForClosure, {
  name: 'SocialCareReasonForClosure',
  description: 'CIN census reason for closure (RC1 adopted ... RC8 closed after assessment, no further action; ' +
    'RC9 closed after assessment, referred to early help)',
  valuesConfig: {
    RC1: { description: 'Adopted.' },
    RC2: { description: 'Died.' },
    RC3: { description: 'Child arrangements order made.' },
    RC4: { description: 'Special guardianship order (SGO) made.' },
    RC5: { description: 'Transferred to another local authority.' },
    RC6: { description: 'Transferred to adult social care.' },
    RC7: { description: 'Services ceased; no longer in need.' },
    RC8: { description: 'Closed after assessment, no further action.' },
    RC9: { description: 'Closed after assessment, referred to early help.' },
  },
});

/** Value names describe the source; the values are the CIN census codes stored. */
export const ReferralSource = {
  FAMILY_RELATIVE_CARER: '1A', ACQUAINTANCE: '1B', SELF: '1C', OTHER_INDIVIDUAL: '1D', SCHOOL: '2A',
  EDUCATION_SERVICES: '2B', GP: '3A', HEALTH_VISITOR: '3B', SCHOOL_NURSE: '3C', OTHER_PRIMARY_HEALTH: '3D',
  A_AND_E: '3E', OTHER_HEALTH: '3F', HOUSING: '4', LA_SOCIAL_CARE: '5A', OTHER_INTERNAL_LA: '5B', ANOTHER_LA: '5C',
  EARLY_HELP: '5D', POLICE: '6', OTHER_LEGAL_AGENCY: '7', OTHER: '8', ANONYMOUS: '9', UNKNOWN: '10',
} as const satisfies Record<string, ReferralSourceCode>;
registerEnumType(ReferralSource, {
  name: 'SocialCareReferralSource',
  description: 'CIN census referral source: who referred the child (the census code is given with each value)',
  valuesConfig: {
    FAMILY_RELATIVE_CARER: { description: '1A: a family member, relative or carer.' },
    ACQUAINTANCE: { description: '1B: an acquaintance, such as a neighbour.' },
    SELF: { description: '1C: the child themselves.' },
    OTHER_INDIVIDUAL: { description: '1D: another individual.' },
    SCHOOL: { description: '2A: a school.' },
    EDUCATION_SERVICES: { description: '2B: other education services.' },
    GP: { description: '3A: a GP.' },
    HEALTH_VISITOR: { description: '3B: a health visitor.' },
    SCHOOL_NURSE: { description: '3C: a school nurse.' },
    OTHER_PRIMARY_HEALTH: { description: '3D: other primary health services.' },
    A_AND_E: { description: '3E: an accident and emergency department.' },
    OTHER_HEALTH: { description: '3F: other health services.' },
    HOUSING: { description: '4: housing (a local authority housing department or a housing association).' },
    LA_SOCIAL_CARE: { description: "5A: the local authority's own social care (for example adult social care)." },
    OTHER_INTERNAL_LA: { description: '5B: another department of the same local authority (for example youth offending).' },
    ANOTHER_LA: { description: '5C: another local authority.' },
    EARLY_HELP: { description: '5D: early help.' },
    POLICE: { description: '6: the police.' },
    OTHER_LEGAL_AGENCY: { description: '7: another legal agency (courts, probation, CAFCASS, prison, immigration).' },
    OTHER: { description: "8: other (for example children's centres, voluntary organisations)." },
    ANONYMOUS: { description: '9: anonymous.' },
    UNKNOWN: { description: '10: not known.' },
  },
});

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
registerEnumType(PlacementType, {
  name: 'SocialCarePlacementType',
  description: 'SSDA903 placement type (PLACE): the kind of place a looked-after child lives, never its address',
  valuesConfig: {
    A3: { description: 'Placed for adoption with parental or guardian consent, with current foster carers.' },
    A4: { description: 'Placed for adoption with parental or guardian consent, not with current foster carers.' },
    A5: { description: 'Placed for adoption under a placement order, with current foster carers.' },
    A6: { description: 'Placed for adoption under a placement order, not with current foster carers.' },
    H5: { description: "Semi-independent living accommodation not subject to children's homes regulations." },
    K1: { description: "Secure children's home." },
    K2: { description: "Children's home subject to the Children's Homes Regulations." },
    P1: { description: 'Placed with own parents or other people with parental responsibility.' },
    P2: { description: 'Independent living (for example a flat, lodgings, bedsit, bed and breakfast or with friends), with or without formal support.' },
    P3: { description: 'Residential employment.' },
    R1: { description: 'Residential care home.' },
    R2: { description: 'NHS or health trust establishment, or another providing medical or nursing care.' },
    R3: { description: 'Family centre or mother and baby unit.' },
    R5: { description: 'Young offender institution.' },
    S1: { description: "Residential school (except one also registered as a children's home)." },
    T0: { description: 'Temporary move of any type.' },
    T1: { description: 'Temporary period in hospital.' },
    T2: { description: 'Temporary absence on holiday.' },
    T3: { description: 'Temporary accommodation while the usual foster carers are on holiday.' },
    T4: { description: 'Temporary accommodation of seven days or less, for any reason not covered by T1 to T3.' },
    U1: { description: 'Foster placement with relatives or friends: long-term fostering.' },
    U2: { description: 'Foster placement with relatives or friends who are also approved adopters: fostering for adoption or concurrent planning.' },
    U3: { description: 'Foster placement with relatives or friends: not long-term, nor fostering for adoption.' },
    U4: { description: 'Foster placement with other foster carers: long-term fostering.' },
    U5: { description: 'Foster placement with other foster carers who are also approved adopters: fostering for adoption or concurrent planning.' },
    U6: { description: 'Foster placement with other foster carers: not long-term, nor fostering for adoption.' },
    Z1: { description: 'Other placement.' },
  },
});

export const LeadAgency = codeEnum(LEAD_AGENCY_CODES);
registerEnumType(LeadAgency, {
  name: 'EarlyHelpLeadAgency',
  description: 'The agency leading an early-help episode (a local list, not a national code set)',
  valuesConfig: {
    SCHOOL: { description: 'A school.' },
    EARLY_YEARS: { description: 'An early-years setting (nursery, pre-school or childminder).' },
    HEALTH_VISITING: { description: 'The health visiting service.' },
    SCHOOL_NURSING: { description: 'The school nursing service.' },
    LA_EARLY_HELP: { description: "The local authority's own early-help team." },
    CHILDRENS_CENTRE: { description: "A children's centre." },
    YOUTH_SERVICE: { description: 'A youth service.' },
    HOUSING: { description: 'A housing provider or the housing department.' },
    POLICE: { description: 'The police.' },
    VOLUNTARY_SECTOR: { description: 'A voluntary or community organisation.' },
    OTHER: { description: 'Another agency.' },
  },
});

export const LeadProfessionalRole = codeEnum(LEAD_PROFESSIONAL_ROLE_CODES);
registerEnumType(LeadProfessionalRole, {
  name: 'EarlyHelpLeadProfessionalRole',
  description: "The early-help lead professional's role only; practitioners' names are never disclosed",
  valuesConfig: {
    DESIGNATED_SAFEGUARDING_LEAD: { description: "A school's Designated Safeguarding Lead (DSL)." },
    FAMILY_SUPPORT_WORKER: { description: 'A family support worker.' },
    HEALTH_VISITOR: { description: 'A health visitor.' },
    SCHOOL_NURSE: { description: 'A school nurse.' },
    YOUTH_WORKER: { description: 'A youth worker.' },
    EARLY_HELP_COORDINATOR: { description: 'An early-help coordinator.' },
    HOUSING_OFFICER: { description: 'A housing officer.' },
    OTHER: { description: 'Another role.' },
  },
});

export const PlanStatus = codeEnum(PLAN_STATUS_CODES);
registerEnumType(PlanStatus, {
  name: 'EarlyHelpPlanStatus',
  description: 'Where an early-help episode has got to',
  valuesConfig: {
    ASSESSMENT: { description: 'The early-help assessment is under way; no plan yet.' },
    PLAN_IN_PLACE: { description: 'An early-help plan is agreed and being delivered.' },
    REVIEW: { description: 'The plan is being reviewed.' },
    CLOSED: { description: 'The plan is closed.' },
  },
});

export const EnquiryType = codeEnum(ENQUIRY_TYPE_CODES);
registerEnumType(EnquiryType, {
  name: 'AdultSafeguardingEnquiryType',
  description: 'S42: Care Act 2014 s42 duty met; OTHER: an other safeguarding enquiry, where proportionate',
  valuesConfig: {
    S42: { description: 'A section 42 enquiry: the adult has care and support needs, is experiencing or at risk of abuse or neglect, and because of those needs cannot protect themselves (Care Act 2014 s42).' },
    OTHER: { description: 'An other safeguarding enquiry: not all three s42 criteria are met, but an enquiry is proportionate.' },
  },
});

export const RiskType = codeEnum(RISK_TYPE_CODES);
registerEnumType(RiskType, {
  name: 'AdultSafeguardingRiskType',
  description: 'Safeguarding Adults Collection (SAC) type of risk: the kind of abuse or neglect',
  valuesConfig: {
    PHYSICAL: { description: 'Physical abuse.' },
    SEXUAL: { description: 'Sexual abuse.' },
    PSYCHOLOGICAL: { description: 'Psychological or emotional abuse.' },
    FINANCIAL_OR_MATERIAL: { description: 'Financial or material abuse.' },
    DISCRIMINATORY: { description: 'Discriminatory abuse.' },
    ORGANISATIONAL: { description: 'Organisational abuse (poor care within a service or setting).' },
    NEGLECT_AND_ACTS_OF_OMISSION: { description: 'Neglect and acts of omission by others.' },
    DOMESTIC_ABUSE: { description: 'Domestic abuse.' },
    SEXUAL_EXPLOITATION: { description: 'Sexual exploitation.' },
    MODERN_SLAVERY: { description: 'Modern slavery, including trafficking and forced labour.' },
    SELF_NEGLECT: { description: 'Self-neglect.' },
  },
});

export const SourceOfRisk = codeEnum(SOURCE_OF_RISK_CODES);
registerEnumType(SourceOfRisk, {
  name: 'AdultSafeguardingSourceOfRisk',
  description: 'Safeguarding Adults Collection (SAC) source of risk: who the risk comes from',
  valuesConfig: {
    SERVICE_PROVIDER: { description: 'A service provider (for example a care provider or its staff).' },
    OTHER_KNOWN_TO_INDIVIDUAL: { description: 'Someone else known to the adult (for example a relative, partner or friend).' },
    OTHER_UNKNOWN_TO_INDIVIDUAL: { description: 'Someone else not known to the adult.' },
  },
});

export const LocationOfRisk = codeEnum(LOCATION_OF_RISK_CODES);
registerEnumType(LocationOfRisk, {
  name: 'AdultSafeguardingLocationOfRisk',
  description: 'Where the risk to the adult arises (Safeguarding Adults Collection locations, as coded locally)',
  valuesConfig: {
    OWN_HOME: { description: "The adult's own home." },
    IN_THE_COMMUNITY: { description: 'In the community, outside any service.' },
    COMMUNITY_SERVICE: { description: 'A community service (for example a day centre).' },
    CARE_HOME_NURSING: { description: 'A care home with nursing.' },
    CARE_HOME_RESIDENTIAL: { description: 'A residential care home (without nursing).' },
    HOSPITAL_ACUTE: { description: 'An acute hospital.' },
    HOSPITAL_MENTAL_HEALTH: { description: 'A mental-health hospital.' },
    HOSPITAL_COMMUNITY: { description: 'A community hospital.' },
    OTHER: { description: 'Another place.' },
  },
});

/** What the person is open to today. */
export enum SocialCareStatus {
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CHILD_PROTECTION_PLAN = 'CHILD_PROTECTION_PLAN',
  LOOKED_AFTER = 'LOOKED_AFTER',
  EARLY_HELP = 'EARLY_HELP',
  ADULT_SAFEGUARDING_ENQUIRY = 'ADULT_SAFEGUARDING_ENQUIRY',
}
registerEnumType(SocialCareStatus, {
  name: 'SocialCareStatus',
  description: 'An episode open today',
  valuesConfig: {
    CHILD_IN_NEED: { description: 'A children-in-need (CIN) episode is open: a referral not yet closed.' },
    CHILD_PROTECTION_PLAN: { description: 'The child is on a child protection plan.' },
    LOOKED_AFTER: { description: 'The child is looked after by the local authority (in care or accommodated).' },
    EARLY_HELP: { description: 'An early-help episode is open.' },
    ADULT_SAFEGUARDING_ENQUIRY: { description: 'An adult safeguarding enquiry (s42 or other) is open.' },
  },
});
