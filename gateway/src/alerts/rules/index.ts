import type { AlertRule } from '../../policy';
import { consentRecordedAndUsed, ratingRaisedThenFetched } from './own-fetch';
import { outOfHours } from './out-of-hours';
import { repeatedDenials } from './repeated-denials';
import { unusualVolume } from './unusual-volume';
import type { AlertCandidate, EntryWindow } from './types';

export * from './types';
export * from './calendar';
export { ratingRaisedThenFetched, consentRecordedAndUsed } from './own-fetch';
export { repeatedDenials } from './repeated-denials';
export { unusualVolume, volumeDays, volumeKey, volumeThreshold } from './unusual-volume';
export { outOfHours, ratingAt } from './out-of-hours';
export { urgentUnreviewed, type UrgentReview } from './urgent-unreviewed';
export { unissuedGrants, type Disclosure } from './unissued-grant';
export { alertRuleErrors, thresholdErrors, MAX_WINDOW_MINUTES } from './validation';

/** The rules that read access-log entries, by kind; the other two read reviews and disclosure logs. */
const ENTRY_RULES: Partial<Record<AlertRule['kind'], (rule: AlertRule, window: EntryWindow) => AlertCandidate[]>> = {
  RATING_RAISED_THEN_FETCHED: ratingRaisedThenFetched,
  CONSENT_RECORDED_AND_USED: consentRecordedAndUsed,
  REPEATED_DENIALS: repeatedDenials,
  UNUSUAL_VOLUME: unusualVolume,
  OUT_OF_HOURS: outOfHours,
};

export const isEntryRule = (rule: AlertRule): boolean => rule.kind in ENTRY_RULES;

/** Every entry-based rule over one window: pure, so a test can script the entries and their times. */
export function evaluateEntries(rules: readonly AlertRule[], window: EntryWindow): AlertCandidate[] {
  return rules.flatMap((rule) => (rule.enabled ? (ENTRY_RULES[rule.kind]?.(rule, window) ?? []) : []));
}

/**
 * How far before the earliest new entry a rule needs to see: its window, or for the per-day rules
 * back to the start of that local day (`dayStart` is that instant).
 */
export function lookbackStart(rules: readonly AlertRule[], earliest: Date, dayStart: Date): Date {
  let start = earliest.getTime();
  for (const rule of rules) {
    if (!rule.enabled || !isEntryRule(rule)) continue;
    if (rule.kind === 'UNUSUAL_VOLUME' || rule.kind === 'OUT_OF_HOURS') start = Math.min(start, dayStart.getTime());
    else start = Math.min(start, earliest.getTime() - rule.windowMinutes! * 60_000);
  }
  return new Date(start);
}
