import type { AlertRule, Rag, WorkingCalendar } from '../../policy';
import { AlertEvidenceLog } from '../entities/enums';
import type { AlertEvidence } from '../entities/governance-alert.entity';

/** An access-log entry as the rules read it (the columns they need; ids only). */
export interface LogEntry {
  /** bigint as a string: chain order, which is also commit order (the chain lock serialises appends). */
  seq: string;
  id: string;
  at: Date;
  kind: string;
  decision: string;
  actorId: string | null;
  caseId: string | null;
  agency: string | null;
  rule: string | null;
  reason: string | null;
  requestId: string | null;
  grantId: string | null;
}

/** A rating a RATE_CASE entry gave, with the rating the case had just before (null: the first). */
export interface RatingStep {
  rag: Rag;
  previousRag: Rag | null;
}

/** One rating of a case, for "what was the case rated when it was fetched". */
export interface CaseRating {
  rag: Rag;
  at: Date;
}

/**
 * What the entry-based rules look at in one scan: the new entries (seq > `freshAfter`) and, before
 * them, as much of the log as the rules look back (context). A rule raises an alert only where a
 * new entry completes the pattern, so each finding is raised by exactly one scan (and its dedup
 * key catches a scan repeated after a crash).
 */
export interface EntryWindow {
  /** Context and new entries together, in seq order. */
  entries: LogEntry[];
  freshAfter: bigint;
  /** By rating id (the `rating=` of RATE_CASE entries). */
  ratings: ReadonlyMap<string, RatingStep>;
  /** By case id: its ratings, oldest first. */
  caseRatings: ReadonlyMap<string, CaseRating[]>;
  /** By `volumeKey(rule.id, userId, day)`: the user's allowed fetches over the rule's baselineDays before that day. */
  baselines: ReadonlyMap<string, number>;
  calendar: WorkingCalendar;
  /** The policy's ratingControl.opensSharing. */
  opensSharing: readonly Rag[];
}

/** An alert a rule found, before it is stored. */
export interface AlertCandidate {
  ruleId: string;
  kind: AlertRule['kind'];
  severity: AlertRule['severity'];
  dedupKey: string;
  userId: string | null;
  caseId: string | null;
  agency: string | null;
  from: Date;
  to: Date;
  summary: string;
  evidence: AlertEvidence[];
}

/** Most evidence entries kept on one alert; the summary gives the full count. */
export const MAX_EVIDENCE = 50;

export const isFresh = (window: Pick<EntryWindow, 'freshAfter'>, entry: LogEntry): boolean => BigInt(entry.seq) > window.freshAfter;
export const bySeq = (a: LogEntry, b: LogEntry): number => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0);
export const isAllowedFetch = (entry: LogEntry): boolean => entry.kind === 'AGENCY_FETCH' && entry.decision === 'ALLOWED' && entry.actorId !== null;

export function accessLogEvidence(entries: readonly LogEntry[]): AlertEvidence[] {
  return entries.slice(0, MAX_EVIDENCE).map((entry) => ({ log: AlertEvidenceLog.ACCESS_LOG, agency: null, seq: entry.seq, id: entry.id }));
}

/** The base of every candidate a rule raises. */
export function candidate(rule: AlertRule, fields: Omit<AlertCandidate, 'ruleId' | 'kind' | 'severity' | 'dedupKey'>, key: string): AlertCandidate {
  return { ruleId: rule.id, kind: rule.kind, severity: rule.severity, dedupKey: `${rule.id}:${key}`, ...fields };
}

export function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}

/** Agencies named by entries, e.g. "police, health", or "no agency". */
export function agenciesOf(entries: readonly LogEntry[]): string {
  const names = [...new Set(entries.flatMap((entry) => (entry.agency ? [entry.agency] : [])))];
  return names.length > 0 ? names.join(', ') : 'no agency';
}

/** The one agency all entries name, or null. */
export function singleAgency(entries: readonly LogEntry[]): string | null {
  const names = new Set(entries.map((entry) => entry.agency));
  return names.size === 1 ? [...names][0] : null;
}

export const iso = (at: Date): string => at.toISOString();

/** From the earliest to the latest of the entries' times (times and seqs can disagree by a little). */
export function span(entries: readonly { at: Date }[]): { from: Date; to: Date } {
  const times = entries.map((entry) => entry.at.getTime());
  return { from: new Date(Math.min(...times)), to: new Date(Math.max(...times)) };
}
