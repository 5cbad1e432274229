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
