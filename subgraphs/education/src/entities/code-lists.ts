/**
 * Code lists the education records use, in one place so the CHECK constraints, the GraphQL enums
 * and the seed cannot drift apart. Census codes follow the DfE school census schema (2024).
 */
export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** Census enrolStatus: C current single, M main dual, S subsidiary dual, F FE college, O other/guest. */
export const ENROL_STATUSES = ['C', 'M', 'S', 'F', 'O'] as const;
export type EnrolStatus = (typeof ENROL_STATUSES)[number];

export const SCHOOL_PHASES = ['PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL', 'ALTERNATIVE_PROVISION'] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

export const SCHOOL_TYPES = ['LA_MAINTAINED', 'ACADEMY', 'FREE_SCHOOL', 'PUPIL_REFERRAL_UNIT'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const TERMS = ['AUTUMN', 'SPRING', 'SUMMER'] as const;
export type Term = (typeof TERMS)[number];

export const EXCLUSION_CATEGORIES = ['PERM', 'SUSP'] as const;
export type ExclusionCategory = (typeof EXCLUSION_CATEGORIES)[number];

export const EXCLUSION_REASONS = {
  PP: 'Physical assault against a pupil',
  PA: 'Physical assault against an adult',
  VP: 'Verbal abuse or threatening behaviour against a pupil',
  VA: 'Verbal abuse or threatening behaviour against an adult',
  OW: 'Use or threat of use of an offensive weapon or prohibited item',
  BU: 'Bullying',
  RA: 'Racist abuse',
  LG: 'Abuse against sexual orientation or gender identity',
  DS: 'Abuse relating to disability',
  SM: 'Sexual misconduct',
  DA: 'Drug and alcohol related',
  DM: 'Damage',
  TH: 'Theft',
  DB: 'Persistent or general disruptive behaviour',
  MT: 'Inappropriate use of social media or online technology',
  PH: 'Wilful and repeated transgression of protective measures in place to protect public health',
} as const;
export type ExclusionReason = keyof typeof EXCLUSION_REASONS;
export const EXCLUSION_REASON_CODES = Object.keys(EXCLUSION_REASONS) as ExclusionReason[];

/** senProvision: N none, K SEN support, E education, health and care plan. */
export const SEN_PROVISIONS = ['N', 'K', 'E'] as const;
export type SenProvision = (typeof SEN_PROVISIONS)[number];

export const SEN_NEEDS = ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA'] as const;
export type SenNeed = (typeof SEN_NEEDS)[number];

export const EHE_SUITABILITY_OUTCOMES = ['PENDING', 'SUITABLE', 'NOT_SUITABLE'] as const;
export type EheSuitabilityOutcome = (typeof EHE_SUITABILITY_OUTCOMES)[number];

export const CME_REASONS = [
  'NOT_STARTED',
  'NOT_TRANSFERRED',
  'EXCLUDED_NO_AP',
  'MOVED',
  'ARRIVED_FROM_ABROAD',
  'EHE_UNSUITABLE',
] as const;
export type CmeReason = (typeof CME_REASONS)[number];

export const CME_STATUSES = ['OPEN', 'CLOSED'] as const;
export type CmeStatus = (typeof CME_STATUSES)[number];

/** What the Designated Safeguarding Lead did with an Operation Encompass notification. */
export const DSL_ACTIONS = ['NONE_REQUIRED', 'MONITORING', 'SUPPORT_IN_SCHOOL', 'EARLY_HELP', 'REFERRED_TO_MASH'] as const;
export type DslAction = (typeof DSL_ACTIONS)[number];

/** DASH risk level police give with the notification, where they give one. */
export const DASH_RISKS = ['STANDARD', 'MEDIUM', 'HIGH'] as const;
export type DashRisk = (typeof DASH_RISKS)[number];

/**
 * School census reasons for a placement in alternative provision (DfE AP census), with the words
 * a triage screen shows.
 */
export const AP_REASONS = {
  ASP: 'awaiting a school place',
  EHC: 'awaiting provision named in an EHC plan',
  MHN: 'mental health needs',
  NEW: 'new arrival awaiting a school place',
  OTH: 'another reason',
  PEX: 'permanently excluded',
  PHN: 'physical health needs',
  RHE: 'returning from home education',
} as const;
export type ApReason = keyof typeof AP_REASONS;
export const AP_REASON_CODES = Object.keys(AP_REASONS) as ApReason[];

/** How a contact on a pupil's record is related to the pupil (the school's contact list). */
export const CONTACT_RELATIONSHIPS = ['MOTHER', 'FATHER', 'STEP_PARENT', 'CARER', 'GRANDPARENT', 'OTHER'] as const;
export type ContactRelationship = (typeof CONTACT_RELATIONSHIPS)[number];

/** `'A', 'B'` for a CHECK constraint; the values are constants above, never user input. */
export function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}
