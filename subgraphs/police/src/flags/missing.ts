import { FlagSeverityValue, type Flag } from '@mash/shared';
import { MissingRiskLevel } from '../entities/codes';
import type { PoliceMissingSummary } from '../types/history.type';

/** DOMAIN.md 1.4: repeat missing (3+ in 12 months) is a key exploitation indicator. */
export const REPEAT_MISSING_THRESHOLD = 3;

/** `highRiskOn`: the date of the latest HIGH-risk episode in the 12 months (not in the summary, so given). */
export function highRiskMissingFlag(missing: PoliceMissingSummary, highRiskOn: string | null = null): Flag | null {
  if (missing.highestRiskLast12Months !== MissingRiskLevel.HIGH) return null;
  return {
    code: 'MISSING_HIGH_RISK_12M',
    severity: FlagSeverityValue.RED,
    summary: 'Reported missing at HIGH risk in the last 12 months.',
    date: highRiskOn,
  };
}

export function repeatMissingFlag(missing: PoliceMissingSummary): Flag | null {
  if (missing.episodesLast12Months < REPEAT_MISSING_THRESHOLD) return null;
  return {
    code: 'MISSING_REPEAT_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `Reported missing ${missing.episodesLast12Months} times in the last 12 months.`,
    // The latest report at all is within the 12 months when there are episodes there.
    date: missing.lastReportedOn,
  };
}

export function recentMissingFlag(missing: PoliceMissingSummary): Flag | null {
  if (missing.episodesLast90Days === 0) return null;
  return {
    code: 'MISSING_90D',
    severity: FlagSeverityValue.GREEN,
    summary: `Reported missing ${missing.episodesLast90Days === 1 ? 'once' : `${missing.episodesLast90Days} times`} in the last 90 days.`,
    date: missing.lastReportedOn,
  };
}
