import { FlagSeverityValue, type Flag } from '@mash/shared';

/** Codes of the findings social care computes (DOMAIN.md 2.5 and 7); stable for triage screens. */
export const FlagCode = {
  OPEN_CP_PLAN: 'OPEN_CP_PLAN',
  LOOKED_AFTER: 'LOOKED_AFTER',
  OPEN_CHILD_IN_NEED: 'OPEN_CHILD_IN_NEED',
  RE_REFERRAL_12M: 'RE_REFERRAL_12M',
  REPEAT_REFERRALS_12M: 'REPEAT_REFERRALS_12M',
  PREVIOUS_CP_PLAN: 'PREVIOUS_CP_PLAN',
  TOXIC_TRIO: 'TOXIC_TRIO',
  HOUSEHOLD_CHILD_CP_PLAN: 'HOUSEHOLD_CHILD_CP_PLAN',
  HOUSEHOLD_CHILD_LOOKED_AFTER: 'HOUSEHOLD_CHILD_LOOKED_AFTER',
  OPEN_EARLY_HELP: 'OPEN_EARLY_HELP',
  OPEN_S42_ENQUIRY: 'OPEN_S42_ENQUIRY',
  PREVIOUS_S42_12M: 'PREVIOUS_S42_12M',
  SELF_NEGLECT: 'SELF_NEGLECT',
  ADULT_AT_RISK_WITH_CHILDREN: 'ADULT_AT_RISK_WITH_CHILDREN',
  CSE_RISK: 'CSE_RISK',
  CCE_RISK: 'CCE_RISK',
  GANGS_RISK: 'GANGS_RISK',
  TRAFFICKING_RISK: 'TRAFFICKING_RISK',
  FGM_RISK: 'FGM_RISK',
  GOING_MISSING_RISK: 'GOING_MISSING_RISK',
  DOMESTIC_ABUSE_FACTOR: 'DOMESTIC_ABUSE_FACTOR',
  FAITH_BASED_ABUSE_RISK: 'FAITH_BASED_ABUSE_RISK',
  PARENTAL_MENTAL_HEALTH_FACTOR: 'PARENTAL_MENTAL_HEALTH_FACTOR',
  PARENTAL_SUBSTANCE_MISUSE_FACTOR: 'PARENTAL_SUBSTANCE_MISUSE_FACTOR',
} as const;
export type FlagCode = (typeof FlagCode)[keyof typeof FlagCode];

export const { RED, AMBER, GREEN } = FlagSeverityValue;

/** `date`: the ISO date of the latest event behind the finding (plan start, referral, enquiry...), null for none. */
export function flag(code: FlagCode, severity: FlagSeverityValue, summary: string, date: string | null = null): Flag {
  return { code, severity, summary, date };
}

/** The latest of some ISO dates, or null. */
export function latest(dates: readonly (string | null | undefined)[]): string | null {
  return dates.reduce<string | null>((max, date) => (date && (max === null || date > max) ? date : max), null);
}
