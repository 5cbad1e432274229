/**
 * Social care's code lists. The children's lists are those of the DfE Children in Need census
 * (XSD 2024) and SSDA903, as DOMAIN.md 2.1-2.2 gives them; the database stores the national codes.
 * The initial migration repeats every list as a CHECK constraint, literally, so a later change
 * here needs a migration of its own.
 */

/** GenderCurrent: 1 male, 2 female, 0 not recorded (or unborn), 9 indeterminate. */
export const GENDER_CODES = [0, 1, 2, 9] as const;
export type GenderCode = (typeof GENDER_CODES)[number];

export const ETHNICITY_CODES = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND',
  'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;
export type EthnicityCode = (typeof ETHNICITY_CODES)[number];

export const REFERRAL_SOURCE_CODES = [
  '1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F',
  '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10',
] as const;
export type ReferralSourceCode = (typeof REFERRAL_SOURCE_CODES)[number];

export const PRIMARY_NEED_CODES = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'] as const;
export type PrimaryNeedCode = (typeof PRIMARY_NEED_CODES)[number];

export const REASON_FOR_CLOSURE_CODES = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9'] as const;
export type ReasonForClosureCode = (typeof REASON_FOR_CLOSURE_CODES)[number];

export const CATEGORY_OF_ABUSE_CODES = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'] as const;
export type CategoryOfAbuseCode = (typeof CATEGORY_OF_ABUSE_CODES)[number];

/** Factors identified at assessment: A = the child, B = parent/carer, C = other household member. */
export const ASSESSMENT_FACTORS = {
  '1A': 'Alcohol misuse: child', '1B': 'Alcohol misuse: parent/carer', '1C': 'Alcohol misuse: other household member',
  '2A': 'Drug misuse: child', '2B': 'Drug misuse: parent/carer', '2C': 'Drug misuse: other household member',
  '3A': 'Domestic violence: child', '3B': 'Domestic violence: parent/carer', '3C': 'Domestic violence: other household member',
  '4A': 'Mental health: child', '4B': 'Mental health: parent/carer', '4C': 'Mental health: other household member',
  '5A': 'Learning disability: child', '5B': 'Learning disability: parent/carer', '5C': 'Learning disability: other household member',
  '6A': 'Physical disability or illness: child', '6B': 'Physical disability or illness: parent/carer',
  '6C': 'Physical disability or illness: other household member',
  '7A': 'Young carer',
  '8B': 'Privately fostered: overseas, intending to return', '8C': 'Privately fostered: overseas, intending to stay',
  '8D': 'Privately fostered: UK, parents in UK', '8E': 'Privately fostered: UK, parents overseas', '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking child', '10A': 'Going or being missing', '11A': 'Child sexual exploitation',
  '12A': 'Trafficking', '13A': 'Gangs', '14A': 'Socially unacceptable behaviour', '15A': 'Self-harm', '16A': 'Neglect',
  '17A': 'Emotional abuse', '18B': 'Physical abuse: child on child', '18C': 'Physical abuse: adult on child',
  '19B': 'Sexual abuse: child on child', '19C': 'Sexual abuse: adult on child', '20': 'Other', '21': 'No factors identified',
  '22A': 'Female genital mutilation', '23A': 'Abuse linked to faith or belief', '24A': 'Child criminal exploitation',
} as const;
export type AssessmentFactorCode = keyof typeof ASSESSMENT_FACTORS;
export const ASSESSMENT_FACTOR_CODES = Object.keys(ASSESSMENT_FACTORS) as AssessmentFactorCode[];

/** SSDA903 legal status (LS). L1-L3 are emergency orders: police protection, EPO, child assessment order. */
export const LEGAL_STATUS_CODES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3'] as const;
export type LegalStatusCode = (typeof LEGAL_STATUS_CODES)[number];

/** SSDA903 reason for new episode (RNE). */
export const REASON_NEW_EPISODE_CODES = ['S', 'L', 'P', 'T', 'B', 'U'] as const;
export type ReasonNewEpisodeCode = (typeof REASON_NEW_EPISODE_CODES)[number];

/** SSDA903 placement type (PLACE). */
export const PLACEMENT_TYPE_CODES = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
] as const;
export type PlacementTypeCode = (typeof PLACEMENT_TYPE_CODES)[number];

/** SSDA903 reason episode ceased (REC). */
export const REASON_CEASED_CODES = [
  'E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47', 'E48',
  'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9',
] as const;
export type ReasonCeasedCode = (typeof REASON_CEASED_CODES)[number];

/**
 * Care Act 2014 s42 enquiries, coded with the Safeguarding Adults Collection (SAC) categories
 * (DOMAIN.md 2.4). Location and outcome wording is [UNVERIFIED] there, so the codes are ours.
 */
export const ENQUIRY_TYPE_CODES = ['S42', 'OTHER'] as const;
export type EnquiryTypeCode = (typeof ENQUIRY_TYPE_CODES)[number];

export const RISK_TYPE_CODES = [
  'PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL', 'FINANCIAL_OR_MATERIAL', 'DISCRIMINATORY', 'ORGANISATIONAL',
  'NEGLECT_AND_ACTS_OF_OMISSION', 'DOMESTIC_ABUSE', 'SEXUAL_EXPLOITATION', 'MODERN_SLAVERY', 'SELF_NEGLECT',
] as const;
export type RiskTypeCode = (typeof RISK_TYPE_CODES)[number];

export const SOURCE_OF_RISK_CODES = ['SERVICE_PROVIDER', 'OTHER_KNOWN_TO_INDIVIDUAL', 'OTHER_UNKNOWN_TO_INDIVIDUAL'] as const;
export type SourceOfRiskCode = (typeof SOURCE_OF_RISK_CODES)[number];

export const LOCATION_OF_RISK_CODES = [
  'OWN_HOME', 'IN_THE_COMMUNITY', 'COMMUNITY_SERVICE', 'CARE_HOME_NURSING', 'CARE_HOME_RESIDENTIAL',
  'HOSPITAL_ACUTE', 'HOSPITAL_MENTAL_HEALTH', 'HOSPITAL_COMMUNITY', 'OTHER',
] as const;
export type LocationOfRiskCode = (typeof LOCATION_OF_RISK_CODES)[number];

export const RISK_OUTCOME_CODES = [
  'RISK_REMOVED', 'RISK_REDUCED', 'RISK_REMAINS', 'NO_ACTION_TAKEN', 'NO_RISK_IDENTIFIED', 'INCONCLUSIVE',
] as const;
export type RiskOutcomeCode = (typeof RISK_OUTCOME_CODES)[number];

/** Consent to the enquiry; overriding it needs a recorded reason (DPA 2018 Sch 1 para 18). */
export const CONSENT_CODES = ['OBTAINED', 'OVERRIDDEN', 'NOT_SOUGHT'] as const;
export type ConsentCode = (typeof CONSENT_CODES)[number];

/** Early help is recorded locally, not nationally (DOMAIN.md 2.3 [TYPICAL / WARKS]); these lists are ours. */
export const LEAD_AGENCY_CODES = [
  'SCHOOL', 'EARLY_YEARS', 'HEALTH_VISITING', 'SCHOOL_NURSING', 'LA_EARLY_HELP', 'CHILDRENS_CENTRE',
  'YOUTH_SERVICE', 'HOUSING', 'POLICE', 'VOLUNTARY_SECTOR', 'OTHER',
] as const;
export type LeadAgencyCode = (typeof LEAD_AGENCY_CODES)[number];

/** The lead professional's role only: names of practitioners are not disclosed. */
export const LEAD_PROFESSIONAL_ROLE_CODES = [
  'DESIGNATED_SAFEGUARDING_LEAD', 'FAMILY_SUPPORT_WORKER', 'HEALTH_VISITOR', 'SCHOOL_NURSE',
  'YOUTH_WORKER', 'EARLY_HELP_COORDINATOR', 'HOUSING_OFFICER', 'OTHER',
] as const;
export type LeadProfessionalRoleCode = (typeof LEAD_PROFESSIONAL_ROLE_CODES)[number];

/** Warwickshire's assessment is the "Early Help Pathway to Change Assessment and Action Plan". */
export const EARLY_HELP_ASSESSMENT_CODES = ['PATHWAY_TO_CHANGE', 'OTHER'] as const;
export type EarlyHelpAssessmentCode = (typeof EARLY_HELP_ASSESSMENT_CODES)[number];

export const PLAN_STATUS_CODES = ['ASSESSMENT', 'PLAN_IN_PLACE', 'REVIEW', 'CLOSED'] as const;
export type PlanStatusCode = (typeof PLAN_STATUS_CODES)[number];

export const EARLY_HELP_CLOSURE_CODES = ['NEEDS_MET', 'STEP_UP_TO_CSC', 'DISENGAGED', 'MOVED'] as const;
export type EarlyHelpClosureCode = (typeof EARLY_HELP_CLOSURE_CODES)[number];

/**
 * How the local authority links two people it holds (the person's relationship to the subject).
 * Case-management systems (Mosaic, LCS, Liquidlogic) record relationships locally with their own
 * wording; these are ours, the wording is kept beside them (`role`). Stored both ways round.
 */
export const RELATIONSHIP_CODES = ['PARENT', 'CHILD', 'SIBLING', 'PARTNER', 'FAMILY_MEMBER'] as const;
export type RelationshipCode = (typeof RELATIONSHIP_CODES)[number];
