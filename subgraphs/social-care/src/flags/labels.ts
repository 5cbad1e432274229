import type { CategoryOfAbuseCode, LeadAgencyCode, LeadProfessionalRoleCode, LegalStatusCode, RiskTypeCode } from '../entities/code-lists';

/** Plain words for the codes that appear in flag summaries. */

export const CATEGORY_LABEL: Record<CategoryOfAbuseCode, string> = {
  NEG: 'neglect', PHY: 'physical abuse', SAB: 'sexual abuse', EMO: 'emotional abuse', MUL: 'multiple categories',
};

export const LEGAL_STATUS_LABEL: Record<LegalStatusCode, string> = {
  C1: 'interim care order', C2: 'full care order', D1: 'freeing order', E1: 'placement order',
  V2: 'section 20 accommodation', V3: 'short breaks', V4: 'short breaks', L1: 'police protection',
  L2: 'emergency protection order', L3: 'child assessment order', J1: 'remand', J2: 'PACE accommodation',
  J3: 'youth rehabilitation order with residence',
};

export const LEAD_AGENCY_LABEL: Record<LeadAgencyCode, string> = {
  SCHOOL: 'school', EARLY_YEARS: 'early years setting', HEALTH_VISITING: 'health visiting', SCHOOL_NURSING: 'school nursing',
  LA_EARLY_HELP: 'council early help team', CHILDRENS_CENTRE: "children's centre", YOUTH_SERVICE: 'youth service',
  HOUSING: 'housing', POLICE: 'police', VOLUNTARY_SECTOR: 'voluntary sector', OTHER: 'other agency',
};

export const LEAD_ROLE_LABEL: Record<LeadProfessionalRoleCode, string> = {
  DESIGNATED_SAFEGUARDING_LEAD: 'designated safeguarding lead', FAMILY_SUPPORT_WORKER: 'family support worker',
  HEALTH_VISITOR: 'health visitor', SCHOOL_NURSE: 'school nurse', YOUTH_WORKER: 'youth worker',
  EARLY_HELP_COORDINATOR: 'early help coordinator', HOUSING_OFFICER: 'housing officer', OTHER: 'other professional',
};

export const RISK_TYPE_LABEL: Record<RiskTypeCode, string> = {
  PHYSICAL: 'physical', SEXUAL: 'sexual', PSYCHOLOGICAL: 'psychological', FINANCIAL_OR_MATERIAL: 'financial or material',
  DISCRIMINATORY: 'discriminatory', ORGANISATIONAL: 'organisational', NEGLECT_AND_ACTS_OF_OMISSION: 'neglect or omission',
  DOMESTIC_ABUSE: 'domestic abuse', SEXUAL_EXPLOITATION: 'sexual exploitation', MODERN_SLAVERY: 'modern slavery',
  SELF_NEGLECT: 'self-neglect',
};
