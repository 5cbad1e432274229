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
} as const;
export type FlagCode = (typeof FlagCode)[keyof typeof FlagCode];

export const { RED, AMBER, GREEN } = FlagSeverityValue;

export function flag(code: FlagCode, severity: FlagSeverityValue, summary: string): Flag {
  return { code, severity, summary };
}
