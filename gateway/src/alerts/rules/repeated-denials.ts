import type { AlertRule } from '../../policy';
import { accessLogEvidence, agenciesOf, bySeq, candidate, isFresh, iso, minutesBetween, singleAgency, span, type AlertCandidate, type EntryWindow, type LogEntry } from './types';

/**
 * Denials that say nothing about the user: the hub or its log failed, or nobody was signed in.
 * They are the system's to fix, not a reviewer's to look into.
 */
const SYSTEM_DENIALS = new Set(['hub-unavailable', 'audit-unavailable', 'no-user']);

/** One refused request: its denied agency fetches (one per agency and case group) count once. */
interface Attempt {
  first: LogEntry;
  entries: LogEntry[];
}

/**
 * REPEATED_DENIALS: `count` or more refused requests by one user within windowMinutes. Raised by
 * the request that brings the count to `count` (the user's requests in the window before it,
 * by seq, number count - 1), so a run of refusals raises one alert, and a later run another.
 */
export function repeatedDenials(rule: AlertRule, window: EntryWindow): AlertCandidate[] {
  const count = rule.count!;
  const windowMs = rule.windowMinutes! * 60_000;
  const byUser = new Map<string, Attempt[]>();
  const byRequest = new Map<string, Attempt>();
  for (const entry of window.entries) {
    if (entry.kind !== 'AGENCY_FETCH' || entry.decision !== 'DENIED' || !entry.actorId || SYSTEM_DENIALS.has(entry.rule ?? '')) continue;
    const key = `${entry.actorId} ${entry.requestId ?? entry.id}`;
    const known = byRequest.get(key);
    if (known) {
      known.entries.push(entry);
      continue;
    }
    const attempt = { first: entry, entries: [entry] };
    byRequest.set(key, attempt);
    byUser.set(entry.actorId, [...(byUser.get(entry.actorId) ?? []), attempt]);
  }
  const found: AlertCandidate[] = [];
  for (const [userId, attempts] of byUser) {
    attempts.forEach((attempt, i) => {
      if (!isFresh(window, attempt.first)) return;
      const before = attempts.slice(0, i).filter((earlier) => bySeq(earlier.first, attempt.first) < 0 && attempt.first.at.getTime() - earlier.first.at.getTime() <= windowMs);
      if (before.length !== count - 1) return;
      const run = [...before, attempt];
      const entries = run.flatMap((item) => item.entries).sort(bySeq);
      const rules = [...new Set(entries.map((entry) => entry.rule ?? 'unknown'))].join(', ');
      const cases = new Set(entries.map((entry) => entry.caseId));
      const { from, to } = span(run.map((item) => item.first));
      found.push(candidate(rule, {
        userId,
        caseId: cases.size === 1 ? [...cases][0] : null,
        agency: singleAgency(entries),
        from,
        to,
        summary:
          `User ${userId} was refused agency data in ${count} request(s) within ${minutesBetween(from, to)} minute(s) ` +
          `(${entries.length} denied fetch(es) from ${agenciesOf(entries)}, ${cases.size} case(s); rules ${rules}), from ${iso(from)}; ` +
          `the rule counts ${count} within ${rule.windowMinutes} minute(s).`,
        evidence: accessLogEvidence(entries),
      }, `${userId}:${attempt.first.id}`));
    });
  }
  return found;
}
