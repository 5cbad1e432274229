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
registerEnumType(SchoolPhaseEnum, { name: 'SchoolPhase' });

export const ExclusionCategoryEnum = { PERMANENT: 'PERM', SUSPENSION: 'SUSP' } as const;
registerEnumType(ExclusionCategoryEnum, { name: 'ExclusionCategory' });

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
  description: 'Census senProvision: N, K (SEN support), E (EHC plan)',
});

export const HomeEducationOutcomeEnum = { PENDING: 'PENDING', SUITABLE: 'SUITABLE', NOT_SUITABLE: 'NOT_SUITABLE' } as const;
registerEnumType(HomeEducationOutcomeEnum, {
  name: 'HomeEducationOutcome',
  description: "The LA's view of the education provided at home",
});

export const MissingEducationReasonEnum = {
  NOT_STARTED: 'NOT_STARTED',
  NOT_TRANSFERRED: 'NOT_TRANSFERRED',
  EXCLUDED_NO_AP: 'EXCLUDED_NO_AP',
  MOVED: 'MOVED',
  ARRIVED_FROM_ABROAD: 'ARRIVED_FROM_ABROAD',
  EHE_UNSUITABLE: 'EHE_UNSUITABLE',
} as const;
registerEnumType(MissingEducationReasonEnum, { name: 'MissingEducationReason' });

export const MissingEducationStatusEnum = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(MissingEducationStatusEnum, { name: 'MissingEducationStatus' });

export const AlternativeProvisionReasonEnum = Object.fromEntries(Object.keys(AP_REASONS).map((code) => [code, code])) as {
  [K in keyof typeof AP_REASONS]: K;
};
registerEnumType(AlternativeProvisionReasonEnum, {
  name: 'AlternativeProvisionReason',
  description: 'School census reason for a placement in alternative provision',
  valuesConfig: Object.fromEntries(Object.entries(AP_REASONS).map(([code, words]) => [code, { description: words[0].toUpperCase() + words.slice(1) }])),
});
