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
