import type { AlertKind, AlertRule, AlertsPolicy } from '../../policy';

type Threshold = 'windowMinutes' | 'afterHours' | 'count' | 'baselineDays' | 'factor' | 'minimum' | 'exceptRag';
const THRESHOLDS: readonly Threshold[] = ['windowMinutes', 'afterHours', 'count', 'baselineDays', 'factor', 'minimum', 'exceptRag'];

/** What each kind needs, and may take besides (any other threshold is a mistake worth naming). */
const NEEDS: Record<AlertKind, { required: Threshold[]; optional?: Threshold[] }> = {
  RATING_RAISED_THEN_FETCHED: { required: ['windowMinutes'] },
  URGENT_RATING_UNREVIEWED: { required: ['afterHours'] },
  CONSENT_RECORDED_AND_USED: { required: ['windowMinutes'] },
  UNUSUAL_VOLUME: { required: ['baselineDays', 'factor', 'minimum'] },
  REPEATED_DENIALS: { required: ['count', 'windowMinutes'] },
  OUT_OF_HOURS: { required: [], optional: ['exceptRag'] },
  UNISSUED_GRANT: { required: [] },
};

/**
 * The longest window a rule may look back: each scan reads that much of the access log before
 * its new entries, so a week's window would make every scan read a week.
 */
export const MAX_WINDOW_MINUTES = 1440;

/**
 * Checks the policy's alert rules beyond the schema (issue 12): ids unique, each kind's thresholds
 * present and no others. Paths as validatePolicy reports them; empty when the rules are sound.
 */
export function alertRuleErrors(alerts: AlertsPolicy | undefined): string[] {
  const errors: string[] = [];
  const firstUse = new Map<string, number>();
  (alerts?.rules ?? []).forEach((rule, i) => {
    const at = `/alerts/rules/${i}`;
    const seen = firstUse.get(rule.id);
    if (seen !== undefined) errors.push(`${at}/id "${rule.id}" is already used by /alerts/rules/${seen}; alert rule ids must be unique`);
    else firstUse.set(rule.id, i);
    errors.push(...thresholdErrors(rule, at));
  });
  return errors;
}

/** One rule's threshold problems (the scanner skips a rule that has any). */
export function thresholdErrors(rule: AlertRule, at: string): string[] {
  const needs = NEEDS[rule.kind];
  if (!needs) return [`${at}/kind "${rule.kind}" is not a kind of alert rule`];
  const errors: string[] = [];
  for (const name of needs.required) {
    if (rule[name] === undefined) errors.push(`${at}/${name} is required for a ${rule.kind} rule`);
  }
  for (const name of THRESHOLDS) {
    if (rule[name] !== undefined && !needs.required.includes(name) && !(needs.optional ?? []).includes(name)) {
      errors.push(`${at}/${name} is not used by a ${rule.kind} rule; it takes ${[...needs.required, ...(needs.optional ?? [])].join(', ') || 'no thresholds'}`);
    }
  }
  if (rule.windowMinutes !== undefined && rule.windowMinutes > MAX_WINDOW_MINUTES) {
    errors.push(`${at}/windowMinutes ${rule.windowMinutes} is longer than ${MAX_WINDOW_MINUTES} (a day): the alert scan reads that much of the log every time`);
  }
  return errors;
}
