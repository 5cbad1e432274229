import { registerEnumType } from 'type-graphql';
import { AP_REASONS, EXCLUSION_REASONS } from '../entities/code-lists';

/** GraphQL names are words; the values resolvers return are the stored census codes. */
export const SchoolPhaseEnum = {
  PRIMARY: 'PRIMARY',
  SECONDARY: 'SECONDARY',
  ALL_THROUGH: 'ALL_THROUGH',
  SPECIAL: 'SPECIAL',
  ALTERNATIVE_PROVISION: 'ALTERNATIVE_PROVISION',
} as const;
registerEnumType(SchoolPhaseEnum, {
  name: 'SchoolPhase',
  description: 'The phase of education a school provides (GIAS)',
  valuesConfig: {
    PRIMARY: { description: 'Primary school (Reception to Year 6)' },
    SECONDARY: { description: 'Secondary school (Year 7 onwards)' },
    ALL_THROUGH: { description: 'All-through school: primary and secondary years in one school' },
    SPECIAL: { description: 'Special school for pupils with special educational needs' },
    ALTERNATIVE_PROVISION: { description: 'Alternative provision: a pupil referral unit (PRU) or AP academy' },
  },
});

export const ExclusionCategoryEnum = { PERMANENT: 'PERM', SUSPENSION: 'SUSP' } as const;
registerEnumType(ExclusionCategoryEnum, {
  name: 'ExclusionCategory',
  description: 'DfE school census exclusion category',
  valuesConfig: {
    PERMANENT: { description: 'Permanent exclusion (census code PERM): the pupil is removed from the school roll' },
    SUSPENSION: { description: 'Suspension (census code SUSP): excluded for a fixed number of sessions' },
  },
});

export const ExclusionReasonEnum = Object.fromEntries(Object.keys(EXCLUSION_REASONS).map((code) => [code, code])) as {
  [K in keyof typeof EXCLUSION_REASONS]: K;
};
registerEnumType(ExclusionReasonEnum, {
  name: 'ExclusionReason',
  description: 'DfE school census exclusion reason codes',
  valuesConfig: Object.fromEntries(Object.entries(EXCLUSION_REASONS).map(([code, description]) => [code, { description }])),
});

export const SenProvisionEnum = { NONE: 'N', SEN_SUPPORT: 'K', EHC_PLAN: 'E' } as const;
registerEnumType(SenProvisionEnum, {
  name: 'SenProvision',
  description: 'Special educational needs (SEN) provision, school census senProvision codes N, K and E',
  valuesConfig: {
    NONE: { description: 'N: no special educational needs recorded' },
    SEN_SUPPORT: { description: 'K: SEN support in school, without an education, health and care (EHC) plan' },
    EHC_PLAN: { description: 'E: education, health and care (EHC) plan' },
  },
});

export const HomeEducationOutcomeEnum = { PENDING: 'PENDING', SUITABLE: 'SUITABLE', NOT_SUITABLE: 'NOT_SUITABLE' } as const;
registerEnumType(HomeEducationOutcomeEnum, {
  name: 'HomeEducationOutcome',
  description: "The local authority's view of whether the education provided at home is suitable",
  valuesConfig: {
    PENDING: { description: 'Not yet decided' },
    SUITABLE: { description: 'Found suitable' },
    NOT_SUITABLE: { description: 'Found not suitable' },
  },
});

export const MissingEducationReasonEnum = {
  NOT_STARTED: 'NOT_STARTED',
  NOT_TRANSFERRED: 'NOT_TRANSFERRED',
  EXCLUDED_NO_AP: 'EXCLUDED_NO_AP',
  MOVED: 'MOVED',
  ARRIVED_FROM_ABROAD: 'ARRIVED_FROM_ABROAD',
  EHE_UNSUITABLE: 'EHE_UNSUITABLE',
} as const;
registerEnumType(MissingEducationReasonEnum, {
  name: 'MissingEducationReason',
  description: 'Why the local authority recorded the child as missing education',
  valuesConfig: {
    NOT_STARTED: { description: 'Has not started at a school' },
    NOT_TRANSFERRED: { description: 'Left a school and has not started at the next one' },
    EXCLUDED_NO_AP: { description: 'Excluded, with no alternative provision in place' },
    MOVED: { description: 'Moved home, and not on a school roll since' },
    ARRIVED_FROM_ABROAD: { description: 'Arrived from abroad, and not yet on a school roll' },
    EHE_UNSUITABLE: { description: 'Was electively home educated, but the education was found not suitable' },
  },
});

export const MissingEducationStatusEnum = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(MissingEducationStatusEnum, {
  name: 'MissingEducationStatus',
  description: 'Whether a child-missing-education episode is still open, as the local authority records it now',
  valuesConfig: {
    OPEN: { description: 'Still open: the child is still missing education' },
    CLOSED: { description: 'Closed (closedDate says when)' },
  },
});

export const AlternativeProvisionReasonEnum = Object.fromEntries(Object.keys(AP_REASONS).map((code) => [code, code])) as {
  [K in keyof typeof AP_REASONS]: K;
};
registerEnumType(AlternativeProvisionReasonEnum, {
  name: 'AlternativeProvisionReason',
  description: 'School census reason for a placement in alternative provision',
  valuesConfig: Object.fromEntries(Object.entries(AP_REASONS).map(([code, words]) => [code, { description: words[0].toUpperCase() + words.slice(1) }])),
});
