import type { AlertRule, Rag } from '../../policy';
import { isWorkingTime, localDay } from './calendar';
import { accessLogEvidence, agenciesOf, candidate, isAllowedFetch, isFresh, iso, span, type AlertCandidate, type EntryWindow, type LogEntry } from './types';

/** The case's rating when it was fetched: its latest rating given at or before then; null when none. */
export function ratingAt(window: Pick<EntryWindow, 'caseRatings'>, caseId: string, at: Date): Rag | null {
  let rag: Rag | null = null;
  for (const rating of window.caseRatings.get(caseId) ?? []) {
    if (rating.at.getTime() > at.getTime()) break;
    rag = rating.rag;
  }
  return rag;
}

/**
 * OUT_OF_HOURS: allowed agency fetches for a case outside the working calendar, where the case's
 * rating then is not one the rule excepts (by default RED: worked around the clock, DOMAIN.md 5.2).
 * Fetches that are not for a rated hub case (an agency's own disclosure log, an onward-notification
 * look-up) are not counted. One alert per user per local day.
 */
export function outOfHours(rule: AlertRule, window: EntryWindow): AlertCandidate[] {
  const except = new Set<string>(rule.exceptRag ?? []);
  const byDay = new Map<string, { userId: string; day: string; entries: LogEntry[]; fresh: boolean }>();
  for (const entry of window.entries) {
    if (!isAllowedFetch(entry) || !entry.caseId || isWorkingTime(entry.at, window.calendar)) continue;
    const rag = ratingAt(window, entry.caseId, entry.at);
    if (!rag || except.has(rag)) continue;
    const day = localDay(entry.at, window.calendar);
    const key = `${entry.actorId}:${day}`;
    const group = byDay.get(key) ?? { userId: entry.actorId!, day, entries: [], fresh: false };
    group.entries.push(entry);
    group.fresh ||= isFresh(window, entry);
    byDay.set(key, group);
  }
  return [...byDay.entries()].flatMap(([key, { userId, day, entries, fresh }]) => {
    if (!fresh) return [];
    const cases = new Set(entries.map((entry) => entry.caseId));
    const rags = [...new Set(entries.map((entry) => ratingAt(window, entry.caseId!, entry.at)))].join(', ');
    return [candidate(rule, {
      userId,
      caseId: cases.size === 1 ? [...cases][0] : null,
      agency: null,
      ...span(entries),
      summary:
        `User ${userId} fetched agency data outside working hours on ${day} (${window.calendar.dayStarts}-${window.calendar.dayEnds} ${window.calendar.timeZone}, working days only): ` +
        `${entries.length} fetch(es) (${agenciesOf(entries)}) for ${cases.size} case(s) rated ${rags}, from ${iso(span(entries).from)}` +
        `${except.size > 0 ? `; ${[...except].join(', ')} cases are excepted` : ''}.`,
      evidence: accessLogEvidence(entries),
    }, key)];
  });
}
