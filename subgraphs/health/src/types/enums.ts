import { registerEnumType } from 'type-graphql';

/** PDS NHS number verification status, codes 01-08 (DOMAIN.md 0.1). */
export enum NhsNumberVerificationValue {
  VERIFIED = 'VERIFIED',
  PRESENT_NOT_TRACED = 'PRESENT_NOT_TRACED',
  TRACE_REQUIRED = 'TRACE_REQUIRED',
  TRACE_NO_OR_MULTIPLE_MATCH = 'TRACE_NO_OR_MULTIPLE_MATCH',
  TRACE_NEEDS_RESOLVING = 'TRACE_NEEDS_RESOLVING',
  TRACE_IN_PROGRESS = 'TRACE_IN_PROGRESS',
  NOT_PRESENT_TRACE_NOT_REQUIRED = 'NOT_PRESENT_TRACE_NOT_REQUIRED',
  TRACE_POSTPONED = 'TRACE_POSTPONED',
}
registerEnumType(NhsNumberVerificationValue, {
  name: 'NhsNumberVerification',
  description: 'How far the NHS number has been checked against the national Personal Demographics Service (PDS), UK Core codes 01-08',
  valuesConfig: {
    VERIFIED: { description: '01: number present and verified' },
    PRESENT_NOT_TRACED: { description: '02: number present but not traced' },
    TRACE_REQUIRED: { description: '03: trace required' },
    TRACE_NO_OR_MULTIPLE_MATCH: { description: '04: trace attempted, no match or multiple matches' },
    TRACE_NEEDS_RESOLVING: { description: '05: trace needs resolving' },
    TRACE_IN_PROGRESS: { description: '06: trace in progress' },
    NOT_PRESENT_TRACE_NOT_REQUIRED: { description: '07: number not present, trace not required' },
    TRACE_POSTPONED: { description: '08: trace postponed (baby under six weeks)' },
  },
});

export enum GpRegistrationStatusValue {
  REGISTERED = 'REGISTERED',
  DEDUCTED = 'DEDUCTED',
  ENDED = 'ENDED',
  NOT_REGISTERED = 'NOT_REGISTERED',
}
registerEnumType(GpRegistrationStatusValue, {
  name: 'GpRegistrationStatus',
  description:
    'GP registration as PDS records it: the current registration if there is one, otherwise how the latest registration ended, otherwise NOT_REGISTERED',
  valuesConfig: {
    REGISTERED: { description: 'Registered with a GP practice now' },
    DEDUCTED: { description: 'Not registered now: the latest registration ended with the patient removed (deducted) from the practice list' },
    ENDED: { description: 'Not registered now: the latest registration has ended' },
    NOT_REGISTERED: { description: 'No GP registration on record at all' },
  },
});

export enum CpisPlanTypeValue {
  CPP = 'CPP',
  CLA = 'CLA',
  UNBORN_CPP = 'UNBORN_CPP',
}
registerEnumType(CpisPlanTypeValue, {
  name: 'CpisPlanType',
  description: 'What a Child Protection - Information Sharing (CP-IS) flag says the child is subject to',
  valuesConfig: {
    CPP: { description: 'Child protection plan' },
    CLA: { description: 'Looked after child (in the care of a local authority)' },
    UNBORN_CPP: { description: 'Unborn child protection plan (flag on the mother)' },
  },
});

export enum MentalHealthServiceValue {
  CAMHS = 'CAMHS',
  AMHS = 'AMHS',
  CRISIS = 'CRISIS',
  PERINATAL = 'PERINATAL',
  EIP = 'EIP',
}
registerEnumType(MentalHealthServiceValue, {
  name: 'MentalHealthService',
  description: 'A kind of NHS mental health service a patient can be open to',
  valuesConfig: {
    CAMHS: { description: "Children and young people's mental health services" },
    AMHS: { description: 'Adult mental health services' },
    CRISIS: { description: 'Crisis resolution / home treatment' },
    PERINATAL: { description: 'Perinatal mental health' },
    EIP: { description: 'Early intervention in psychosis' },
  },
});

export enum MaternityConcernValue {
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  SUBSTANCE_USE = 'SUBSTANCE_USE',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
}
registerEnumType(MaternityConcernValue, {
  name: 'MaternityConcern',
  description: "A concern recorded at the routine enquiries of the pregnancy's booking appointment",
  valuesConfig: {
    DOMESTIC_ABUSE: { description: 'Domestic abuse' },
    SUBSTANCE_USE: { description: 'Alcohol or drug use' },
    MENTAL_HEALTH: { description: 'Mental health' },
  },
});
