import type { AlertRule, Rag } from '../../policy';
import { accessLogEvidence, agenciesOf, bySeq, candidate, isAllowedFetch, isFresh, iso, minutesBetween, singleAgency, span, type AlertCandidate, type EntryWindow, type LogEntry } from './types';

const RANK: Record<Rag, number> = { GREEN: 0, AMBER: 1, RED: 2 };
const RATING_ID = /\brating=([0-9a-f-]{36})\b/;
const CONSENT = /\bconsent=([A-Z_]+) earlyHelp=(true|false)\b/;

/**
 * RATING_RAISED_THEN_FETCHED: a RATE_CASE that moved the case up (GREEN -> AMBER, AMBER -> RED,
 * GREEN -> RED; never the first rating) into a rating that opens sharing, followed within
 * windowMinutes by an allowed agency fetch for that case by the same user.
 */
export function ratingRaisedThenFetched(rule: AlertRule, window: EntryWindow): AlertCandidate[] {
  return followedByOwnFetch(rule, window, (entry) => {
    if (entry.kind !== 'CASE_MUTATION' || entry.rule !== 'RATE_CASE') return null;
    const ratingId = RATING_ID.exec(entry.reason ?? '')?.[1];
    const step = ratingId ? window.ratings.get(ratingId) : undefined;
    if (!step || !step.previousRag || RANK[step.rag] <= RANK[step.previousRag] || !window.opensSharing.includes(step.rag)) return null;
    return `re-rated case ${entry.caseId} from ${step.previousRag} to ${step.rag} (rating ${ratingId})`;
  });
}

/**
 * CONSENT_RECORDED_AND_USED: a RECORD_CONSENT that gives something (consent GIVEN or OVERRIDDEN,
 * or early-help sharing), followed within windowMinutes by the same user's own allowed fetch.
 */
export function consentRecordedAndUsed(rule: AlertRule, window: EntryWindow): AlertCandidate[] {
  return followedByOwnFetch(rule, window, (entry) => {
    if (entry.kind !== 'CASE_MUTATION' || entry.rule !== 'RECORD_CONSENT') return null;
    const [, status, earlyHelp] = CONSENT.exec(entry.reason ?? '') ?? [];
    if (!status || (status !== 'GIVEN' && status !== 'OVERRIDDEN' && earlyHelp !== 'true')) return null;
    return `recorded consent ${status}${earlyHelp === 'true' ? ' with early-help sharing' : ''} on case ${entry.caseId}`;
  });
}

/**
 * The shared shape: an event (described by `describe`, null when the entry is not one) and the
 * same user's allowed fetches for the same case after it (by seq) within windowMinutes. One alert
 * per event, raised by the scan that first sees one of those fetches.
 */
function followedByOwnFetch(rule: AlertRule, window: EntryWindow, describe: (entry: LogEntry) => string | null): AlertCandidate[] {
  const windowMs = rule.windowMinutes! * 60_000;
  const found: AlertCandidate[] = [];
  for (const event of window.entries) {
    if (!event.actorId || !event.caseId) continue;
    const what = describe(event);
    if (!what) continue;
    const fetches = window.entries.filter(
      (entry) => isAllowedFetch(entry) && entry.actorId === event.actorId && entry.caseId === event.caseId && bySeq(entry, event) > 0 && entry.at.getTime() - event.at.getTime() <= windowMs,
    );
    if (!fetches.some((entry) => isFresh(window, entry))) continue;
    found.push(candidate(rule, {
      userId: event.actorId,
      caseId: event.caseId,
      agency: singleAgency(fetches),
      ...span([event, ...fetches]),
      summary:
        `User ${event.actorId} ${what} at ${iso(event.at)}, then fetched agency data for it themselves ` +
        `${fetches.length} time(s) (${agenciesOf(fetches)}) within ${minutesBetween(event.at, span(fetches).to)} minute(s); the rule looks ${rule.windowMinutes} minute(s) ahead.`,
      evidence: accessLogEvidence([event, ...fetches]),
    }, event.id));
  }
  return found;
}
