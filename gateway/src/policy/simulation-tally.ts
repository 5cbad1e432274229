import { AGENCIES, SENSITIVITY_LEVELS, type AgencyName } from '@mash/shared';
import type { DecisionFacts } from '../audit/chain';
import { releasedLevels } from './classification';
import { decideFetch, type CaseFacts, type RatingState } from './decide';
import { ONWARD_PURPOSES, ONWARD_RULES } from './onward-purpose';
import { BUILT_IN_RULES, type PolicyDocument } from './policy-document';

/** The purposes the ISA policy decides (the enforcement point's triage fetches); every other purpose has a built-in rule. */
export const POLICY_DECIDED_PURPOSES: readonly string[] = ['MASH_TRIAGE'];

/** How a logged decision fares under the candidate; one kind per re-evaluated entry. */
export type ChangeKind = 'ALLOWED_TO_DENIED' | 'DENIED_TO_ALLOWED' | 'LEVELS_NARROWED' | 'LEVELS_WIDENED';
export const CHANGE_KINDS: readonly ChangeKind[] = ['ALLOWED_TO_DENIED', 'DENIED_TO_ALLOWED', 'LEVELS_NARROWED', 'LEVELS_WIDENED'];

/** Why an AGENCY_FETCH entry of the period was not re-evaluated: the policy did not take that decision. */
export type SkipReason =
  | 'NO_USER' | 'UNKNOWN_SUBJECT' | 'HUB_UNAVAILABLE' | 'AUDIT_UNAVAILABLE' | 'NO_ACTIVE_POLICY'
  | 'DISCLOSURE_LOG_READ' | 'ONWARD_PURPOSE' | 'OTHER_PURPOSE' | 'NO_FACTS' | 'UNKNOWN_AGENCY';

export const SKIP_REASONS: Record<SkipReason, string> = {
  NO_USER: 'Refused by the built-in rule no-user: no signed-in user, decided before any policy',
  UNKNOWN_SUBJECT: 'Refused by the built-in rule unknown-subject: the people were not subjects of any hub case, so no case facts to decide on',
  HUB_UNAVAILABLE: 'Refused by the built-in rule hub-unavailable: the hub could not be read at the time',
  AUDIT_UNAVAILABLE: 'Refused by the built-in rule audit-unavailable: the access log could not record the decision',
  NO_ACTIVE_POLICY: 'Refused by the built-in rule no-active-policy: no valid ISA version was in force, so no policy decided',
  DISCLOSURE_LOG_READ: "An agency administrator's read of their own disclosure log (or a subject access review): decided by a built-in rule, not the ISA's rules",
  ONWARD_PURPOSE: 'An onward-notification look-up (OPERATION_ENCOMPASS, GP_NOTIFICATION): decided by the built-in onward rule, which no ISA version can change',
  OTHER_PURPOSE: 'A purpose the ISA policy does not decide (not MASH_TRIAGE)',
  NO_FACTS: 'Recorded without the decision facts (written before the access log kept them), so the case as it was then is unknown',
  UNKNOWN_AGENCY: 'The entry names no agency the gateway knows',
};

/** The columns of an AGENCY_FETCH entry the simulation reads (ids only, never a name). */
export interface LoggedDecision {
  seq: string;
  id: string;
  recordedAt: Date;
  actorId: string | null;
  actorRoles: string[];
  caseId: string | null;
  agency: string | null;
  decision: string;
  rule: string | null;
  policyVersion: string | null;
  reason: string | null;
  facts: DecisionFacts | null;
}

export interface ChangeCounts {
  reEvaluated: number;
  unchanged: number;
  allowedToDenied: number;
  deniedToAllowed: number;
  levelsNarrowed: number;
  levelsWidened: number;
}

export interface SimulationExample {
  change: ChangeKind;
  seq: string;
  entryId: string;
  recordedAt: Date;
  caseId: string;
  /** The hub's reference of the case (e.g. MASH-2026-000001); null if the case is no longer in the hub. */
  caseReference: string | null;
  userId: string;
  roles: string[];
  agency: string;
  recordedRule: string;
  simulatedRule: string;
  /** Levels released as the entry recorded them; null when denied or not recorded. */
  recordedLevels: string[] | null;
  /** Levels the candidate would release; null when it denies. */
  simulatedLevels: string[] | null;
}

export interface SimulationResult extends ChangeCounts {
  from: Date;
  to: Date;
  version: string;
  /** AGENCY_FETCH entries recorded in the period. */
  entriesRead: number;
  /** Of the unchanged: the same outcome (and levels) reached by a different rule. */
  ruleChanged: number;
  /** Of the unchanged: allowed under both, but the entry recorded no released levels to compare. */
  levelsNotCompared: number;
  notReEvaluated: { reason: SkipReason; count: number; description: string }[];
  /** The versions the re-evaluated decisions were taken under, with how many each. */
  recordedUnder: { policyVersion: string; count: number }[];
  byRule: (ChangeCounts & { recordedRule: string; simulatedRule: string })[];
  byRole: (ChangeCounts & { roles: string[] })[];
  byAgency: (ChangeCounts & { agency: string })[];
  examples: SimulationExample[];
  /** How it was measured, in sentences a governance lead can read. */
  method: string[];
}

export interface SimulationOptions {
  /** Entries read per query. Default 1000. */
  pageSize?: number;
  /** Examples kept per kind of change, first in log order. Default 5. */
  examplesPerKind?: number;
}

/** One entry's outcome under the candidate. */
export interface Reevaluation {
  change: ChangeKind | 'UNCHANGED';
  recorded: { allowed: boolean; rule: string; levels: string[] | null };
  simulated: { allowed: boolean; rule: string; levels: string[] | null };
  levelsCompared: boolean;
}

const NON_POLICY_RULES: Record<string, SkipReason> = {
  'no-user': 'NO_USER',
  'unknown-subject': 'UNKNOWN_SUBJECT',
  'hub-unavailable': 'HUB_UNAVAILABLE',
  'audit-unavailable': 'AUDIT_UNAVAILABLE',
  [BUILT_IN_RULES.noActivePolicy]: 'NO_ACTIVE_POLICY',
  'agency-admin-own-disclosures': 'DISCLOSURE_LOG_READ',
  'disclosure-log-own-agency-only': 'DISCLOSURE_LOG_READ',
  'governance-subject-access-review': 'DISCLOSURE_LOG_READ',
  ...Object.fromEntries(Object.values(ONWARD_RULES).map((rule) => [rule, 'ONWARD_PURPOSE' as SkipReason])),
};

/** Null when the policy took this decision and it can be taken again; otherwise why not. */
export function notReEvaluable(entry: LoggedDecision): SkipReason | null {
  const builtIn = entry.rule ? NON_POLICY_RULES[entry.rule] : undefined;
  if (builtIn) return builtIn;
  // Onward and unknown purposes are audited with "purpose=<P>" first in the reason, and no facts.
  const purpose = entry.facts?.purpose ?? /^purpose=(\S+)/.exec(entry.reason ?? '')?.[1];
  if (purpose && ONWARD_PURPOSES.includes(purpose)) return 'ONWARD_PURPOSE';
  if (purpose && !POLICY_DECIDED_PURPOSES.includes(purpose)) return 'OTHER_PURPOSE';
  if (!entry.facts) return 'NO_FACTS';
  if (!entry.facts.case) return 'UNKNOWN_SUBJECT';
  if (!entry.actorId) return 'NO_USER';
  if (!entry.agency || !(AGENCIES as readonly string[]).includes(entry.agency)) return 'UNKNOWN_AGENCY';
  return null;
}

/** Decides a logged decision again under `candidate`, with the user, agency, purpose, case facts and time it was taken on. */
export function reEvaluate(candidate: PolicyDocument, entry: LoggedDecision): Reevaluation {
  const facts = entry.facts!;
  const recordedCase = facts.case!;
  const agency = entry.agency as AgencyName;
  const caseFacts: CaseFacts = {
    id: entry.caseId ?? '',
    kind: recordedCase.kind,
    rag: recordedCase.rag,
    status: recordedCase.status,
    closedAt: recordedCase.closedAt ? new Date(recordedCase.closedAt) : null,
    consentEarlyHelpSharing: recordedCase.consentEarlyHelpSharing,
    ratingState: recordedCase.ratingState as RatingState | null,
  };
  const user = { id: entry.actorId!, roles: entry.actorRoles };
  // The decision's own time when the log kept it: a closed-case window at its edge decides the same.
  const decidedAt = typeof facts.decidedAt === 'string' ? new Date(facts.decidedAt) : null;
  const now = decidedAt && !Number.isNaN(decidedAt.getTime()) ? decidedAt : entry.recordedAt;
  const decision = decideFetch(candidate, { user, agency, purpose: facts.purpose, case: caseFacts, now });
  const recordedAllowed = entry.decision === 'ALLOWED';
  const recordedLevels = recordedAllowed && Array.isArray(facts.released) ? ordered(facts.released) : null;
  const simulatedLevels: string[] | null = decision.allowed
    ? releasedLevels(candidate, { roles: entry.actorRoles, rag: recordedCase.rag, purpose: facts.purpose, agency }).levels
    : null;
  const result: Reevaluation = {
    change: 'UNCHANGED',
    recorded: { allowed: recordedAllowed, rule: entry.rule ?? '', levels: recordedLevels },
    simulated: { allowed: decision.allowed, rule: decision.rule, levels: simulatedLevels },
    levelsCompared: false,
  };
  if (recordedAllowed && !decision.allowed) result.change = 'ALLOWED_TO_DENIED';
  else if (!recordedAllowed && decision.allowed) result.change = 'DENIED_TO_ALLOWED';
  else if (recordedAllowed && recordedLevels && simulatedLevels) {
    result.levelsCompared = true;
    const gained = simulatedLevels.some((level) => !recordedLevels.includes(level));
    const lost = recordedLevels.some((level) => !simulatedLevels.includes(level));
    // Any level newly released is a widening, even if another is withheld: that is what needs a second look.
    if (gained) result.change = 'LEVELS_WIDENED';
    else if (lost) result.change = 'LEVELS_NARROWED';
  }
  return result;
}

function ordered(levels: readonly string[]): string[] {
  const known: string[] = SENSITIVITY_LEVELS.filter((level) => levels.includes(level));
  return [...known, ...levels.filter((level) => !(SENSITIVITY_LEVELS as readonly string[]).includes(level)).sort()];
}

const zero = (): ChangeCounts => ({ reEvaluated: 0, unchanged: 0, allowedToDenied: 0, deniedToAllowed: 0, levelsNarrowed: 0, levelsWidened: 0 });
const FIELD: Record<Reevaluation['change'], keyof ChangeCounts> = {
  UNCHANGED: 'unchanged', ALLOWED_TO_DENIED: 'allowedToDenied', DENIED_TO_ALLOWED: 'deniedToAllowed', LEVELS_NARROWED: 'levelsNarrowed', LEVELS_WIDENED: 'levelsWidened',
};

/** The counting: every entry read goes through `add`, in log order. Memory is bounded by rules, roles, agencies and examples, not by the log. */
export class SimulationTally {
  readonly totals = zero();
  entriesRead = 0;
  ruleChanged = 0;
  levelsNotCompared = 0;
  private readonly skipped = new Map<SkipReason, number>();
  private readonly versions = new Map<string, number>();
  private readonly rules = new Map<string, ChangeCounts & { recordedRule: string; simulatedRule: string }>();
  private readonly roles = new Map<string, ChangeCounts & { roles: string[] }>();
  private readonly agencies = new Map<string, ChangeCounts & { agency: string }>();
  private readonly examples = new Map<ChangeKind, SimulationExample[]>(CHANGE_KINDS.map((kind) => [kind, []]));

  constructor(private readonly candidate: PolicyDocument, private readonly examplesPerKind = 5) {}

  add(entry: LoggedDecision): void {
    this.entriesRead += 1;
    const skip = notReEvaluable(entry);
    if (skip) {
      this.skipped.set(skip, (this.skipped.get(skip) ?? 0) + 1);
      return;
    }
    const outcome = reEvaluate(this.candidate, entry);
    const roles = [...entry.actorRoles].sort();
    const rows = [
      this.totals,
      row(this.rules, `${outcome.recorded.rule}\u0000${outcome.simulated.rule}`, () => ({ recordedRule: outcome.recorded.rule, simulatedRule: outcome.simulated.rule })),
      row(this.roles, roles.join(','), () => ({ roles })),
      row(this.agencies, entry.agency!, () => ({ agency: entry.agency! })),
    ];
    for (const counts of rows) {
      counts.reEvaluated += 1;
      counts[FIELD[outcome.change]] += 1;
    }
    const version = entry.policyVersion ?? 'unknown';
    this.versions.set(version, (this.versions.get(version) ?? 0) + 1);
    if (outcome.change === 'UNCHANGED') {
      if (outcome.recorded.rule !== outcome.simulated.rule) this.ruleChanged += 1;
      if (outcome.recorded.allowed && outcome.simulated.allowed && !outcome.levelsCompared) this.levelsNotCompared += 1;
      return;
    }
    const kept = this.examples.get(outcome.change)!;
    if (kept.length < this.examplesPerKind) {
      kept.push({
        change: outcome.change, seq: entry.seq, entryId: entry.id, recordedAt: entry.recordedAt, caseId: entry.caseId ?? '', caseReference: null,
        userId: entry.actorId!, roles, agency: entry.agency!, recordedRule: outcome.recorded.rule, simulatedRule: outcome.simulated.rule,
        recordedLevels: outcome.recorded.levels, simulatedLevels: outcome.simulated.levels,
      });
    }
  }

  /** The examples kept, by kind in CHANGE_KINDS order then log order. */
  keptExamples(): SimulationExample[] {
    return CHANGE_KINDS.flatMap((kind) => this.examples.get(kind)!);
  }

  result(from: Date, to: Date, examples: SimulationExample[], method: string[]): SimulationResult {
    const changed = (counts: ChangeCounts) => counts.reEvaluated - counts.unchanged;
    const byChange = <T extends ChangeCounts>(rows: Iterable<T>, key: (row: T) => string): T[] =>
      [...rows].sort((a, b) => changed(b) - changed(a) || b.reEvaluated - a.reEvaluated || key(a).localeCompare(key(b)));
    return {
      from, to, version: this.candidate.version, entriesRead: this.entriesRead, ...this.totals, ruleChanged: this.ruleChanged, levelsNotCompared: this.levelsNotCompared,
      notReEvaluated: [...this.skipped].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, count]) => ({ reason, count, description: SKIP_REASONS[reason] })),
      recordedUnder: [...this.versions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([policyVersion, count]) => ({ policyVersion, count })),
      byRule: byChange(this.rules.values(), (row) => `${row.recordedRule} ${row.simulatedRule}`),
      byRole: byChange(this.roles.values(), (row) => row.roles.join(',')),
      byAgency: byChange(this.agencies.values(), (row) => row.agency),
      examples,
      method,
    };
  }
}

function row<T extends ChangeCounts>(map: Map<string, T>, key: string, make: () => Omit<T, keyof ChangeCounts>): T {
  let found = map.get(key);
  if (!found) map.set(key, (found = { ...zero(), ...make() } as T));
  return found;
}
