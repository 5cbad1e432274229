import type { AlertRule } from '../../policy';
import { localDay } from './calendar';
import { accessLogEvidence, agenciesOf, bySeq, candidate, isAllowedFetch, isFresh, MAX_EVIDENCE, span, type AlertCandidate, type EntryWindow, type LogEntry } from './types';

/** The key of a baseline in `EntryWindow.baselines`. */
export const volumeKey = (ruleId: string, userId: string, day: string): string => `${ruleId}|${userId}|${day}`;

/** The user-days an unusual-volume rule looks at: those with a new allowed fetch. */
export function volumeDays(window: Pick<EntryWindow, 'entries' | 'freshAfter' | 'calendar'>): { userId: string; day: string }[] {
  const seen = new Map<string, { userId: string; day: string }>();
  for (const entry of window.entries) {
    if (!isAllowedFetch(entry) || !isFresh(window, entry)) continue;
    const day = localDay(entry.at, window.calendar);
    seen.set(`${entry.actorId} ${day}`, { userId: entry.actorId!, day });
  }
  return [...seen.values()];
}

/** The most a user may fetch in a day before it is unusual: max(minimum, factor x their mean daily volume over baselineDays). */
export function volumeThreshold(rule: AlertRule, baselineTotal: number): { threshold: number; mean: number } {
  const mean = baselineTotal / rule.baselineDays!;
  return { mean, threshold: Math.max(rule.minimum!, rule.factor! * mean) };
}

/**
 * UNUSUAL_VOLUME: a user's allowed agency fetches in one local day exceed their threshold. One
 * alert per user per day, raised by the scan that sees the day cross it; evidence from the fetch
 * that crossed it.
 */
export function unusualVolume(rule: AlertRule, window: EntryWindow): AlertCandidate[] {
  const found: AlertCandidate[] = [];
  for (const { userId, day } of volumeDays(window)) {
    const fetches = window.entries.filter((entry) => isAllowedFetch(entry) && entry.actorId === userId && localDay(entry.at, window.calendar) === day).sort(bySeq);
    const baseline = window.baselines.get(volumeKey(rule.id, userId, day)) ?? 0;
    const { threshold, mean } = volumeThreshold(rule, baseline);
    if (fetches.length <= threshold) continue;
    const crossing: LogEntry = fetches[Math.floor(threshold)];
    found.push(candidate(rule, {
      userId,
      caseId: null,
      agency: null,
      ...span(fetches),
      summary:
        `User ${userId} made ${fetches.length} allowed agency fetch(es) on ${day} (${agenciesOf(fetches)}, ${new Set(fetches.map((entry) => entry.caseId)).size} case(s)) by ${span(fetches).to.toISOString()}, ` +
        `above ${round(threshold)} (crossed by access-log entry seq ${crossing.seq}): the larger of ${rule.minimum} and ${rule.factor} x their mean of ${round(mean)} a day over the previous ${rule.baselineDays} day(s) (${baseline} in all).`,
      evidence: accessLogEvidence(fetches.indexOf(crossing) < MAX_EVIDENCE ? fetches : [...fetches.slice(0, MAX_EVIDENCE - 1), crossing]),
    }, `${userId}:${day}`));
  }
  return found;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
