import { randomUUID } from 'node:crypto';
import { defaultAlertRules, DEFAULT_POLICY, validatePolicy, type AlertRule, type PolicyDocument, type Rag } from '../../policy';
import type { CaseRating, EntryWindow, LogEntry, RatingStep } from '../rules';

/** Scripted access-log entries for the rules' unit tests: times given, seqs in order of writing. */
export class Script {
  readonly entries: LogEntry[] = [];
  readonly ratings = new Map<string, RatingStep>();
  readonly caseRatings = new Map<string, CaseRating[]>();
  readonly baselines = new Map<string, number>();
  private seq = 100;

  fetch(at: string, actorId: string, caseId: string, options: { agency?: string; decision?: 'ALLOWED' | 'DENIED'; rule?: string; requestId?: string } = {}): LogEntry {
    return this.add({
      at, kind: 'AGENCY_FETCH', decision: options.decision ?? 'ALLOWED', actorId, caseId, agency: options.agency ?? 'police',
      rule: options.rule ?? (options.decision === 'DENIED' ? 'default-deny' : 'amber-red-triage'), reason: 'scripted', requestId: options.requestId ?? randomUUID(),
    });
  }

  /** A RATE_CASE entry and the rating it gave (previous null: the case's first rating). */
  rate(at: string, actorId: string, caseId: string, rag: Rag, previousRag: Rag | null): LogEntry {
    const ratingId = randomUUID();
    this.ratings.set(ratingId, { rag, previousRag });
    this.rated(caseId, rag, at);
    return this.add({ at, kind: 'CASE_MUTATION', decision: 'RECORDED', actorId, caseId, agency: null, rule: 'RATE_CASE', reason: `rag=${rag} rating=${ratingId} confirmation=CONFIRMED`, requestId: null });
  }

  consent(at: string, actorId: string, caseId: string, status: string, earlyHelp: boolean): LogEntry {
    return this.add({ at, kind: 'CASE_MUTATION', decision: 'RECORDED', actorId, caseId, agency: null, rule: 'RECORD_CONSENT', reason: `consent=${status} earlyHelp=${earlyHelp} consentRecord=${randomUUID()}`, requestId: null });
  }

  /** The case's rating as the register holds it (rag_rating), without an access-log entry. */
  rated(caseId: string, rag: Rag, at: string): void {
    this.caseRatings.set(caseId, [...(this.caseRatings.get(caseId) ?? []), { rag, at: new Date(at) }]);
  }

  /** Everything written so far is context; what comes after is new. */
  get position(): bigint {
    return BigInt(this.seq);
  }

  window(freshAfter = 0n, policy: PolicyDocument = POLICY): EntryWindow {
    return { entries: this.entries, freshAfter, ratings: this.ratings, caseRatings: this.caseRatings, baselines: this.baselines, calendar: policy.workingCalendar, opensSharing: policy.ratingControl.opensSharing };
  }

  private add(fields: Omit<LogEntry, 'seq' | 'id' | 'at' | 'grantId'> & { at: string }): LogEntry {
    this.seq += 1;
    const entry: LogEntry = { ...fields, seq: String(this.seq), id: randomUUID(), at: new Date(fields.at), grantId: null };
    this.entries.push(entry);
    return entry;
  }
}

const checked = validatePolicy(DEFAULT_POLICY);
if (!checked.ok) throw new Error(`default policy invalid: ${checked.errors.join('; ')}`);
/** The default policy as validatePolicy fills it (working calendar: Europe/London, Mon-Fri 09:00-17:00, bank holidays). */
export const POLICY: PolicyDocument = checked.policy;

/** The default rule of a kind, with thresholds changed. */
export function ruleOf(kind: AlertRule['kind'], change: Partial<AlertRule> = {}): AlertRule {
  return { ...defaultAlertRules().find((rule) => rule.kind === kind)!, ...change };
}
