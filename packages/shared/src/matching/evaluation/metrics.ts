import type { AgencyName } from '../../synthetic/types';
import type { MatchStatus } from '../types';
import type { CaseTruth } from './generate';
import type { MatchingVariation } from './variations';

/** What one agency answered for one case, beside what was true. */
export interface CaseOutcome {
  caseId: string;
  variation: MatchingVariation;
  agency: AgencyName;
  truth: CaseTruth;
  /** BAD_USER_INPUT: the agency's input check rejected the subject that was evaluated. */
  status: MatchStatus | 'BAD_USER_INPUT';
  /** The input check rejected the subject as first sent (identifier-invalid: before it was corrected). */
  rejectedAsSent: boolean;
  /** MATCHED: the record matched. */
  matchedRecordId: string | null;
  /** Not MATCHED: every record listed for a person to review (AMBIGUOUS's candidates). */
  listedRecordIds: string[];
  /** Records sharing a blocking key with the subject; null where no blocking applies (the baseline). */
  candidates: number | null;
  /** The true record was among the candidates; null with no true record or no blocking. */
  trueRecordIsCandidate: boolean | null;
}

export interface MatchingMetrics {
  cases: number;
  /** Cases where the agency holds the person the referral is about. */
  withTrueRecord: number;
  matched: number;
  matchedCorrectly: number;
  /** MATCHED to the true record / all MATCHED. */
  precision: number | null;
  /** MATCHED to the true record / cases with a true record. */
  recall: number | null;
  /** True record MATCHED or listed among AMBIGUOUS candidates / cases with a true record. */
  reviewRecall: number | null;
  ambiguous: number;
  ambiguousShare: number | null;
  notKnown: number;
  /** MATCHED to any record but the true one (including when there is no true record). */
  wrongMatches: number;
  /** Twin cases: the other twin MATCHED. */
  twinFalseMatches: number;
  /** Sibling cases: the sibling MATCHED. */
  siblingFalseMatches: number;
  /** Same-name cases: the namesake MATCHED. */
  namesakeMatches: number;
  /** The referral carried someone else's identifier and that person's record was MATCHED. */
  conflictingIdentifierMatches: number;
  /** Subjects the agency's input check rejected as sent (BAD_USER_INPUT). */
  rejected: number;
  rejectedShare: number | null;
  /** True record among the candidates / cases with a true record; null where no blocking applies. */
  blockingRecall: number | null;
  meanCandidates: number | null;
  maxCandidates: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.reduce((n, item) => n + (test(item) ? 1 : 0), 0);

export function computeMatchingMetrics(outcomes: readonly CaseOutcome[]): MatchingMetrics {
  const held = outcomes.filter((o) => o.truth.recordId !== null);
  const matched = outcomes.filter((o) => o.status === 'MATCHED');
  const matchedCorrectly = count(matched, (o) => o.matchedRecordId === o.truth.recordId);
  const listed = count(held, (o) => o.status !== 'MATCHED' && o.listedRecordIds.includes(o.truth.recordId!));
  const ambiguous = count(outcomes, (o) => o.status === 'AMBIGUOUS');
  const matchedTo = (o: CaseOutcome, id: string | null) => o.status === 'MATCHED' && id !== null && o.matchedRecordId === id;
  const blocked = outcomes.filter((o) => o.candidates !== null);
  const blockedHeld = held.filter((o) => o.trueRecordIsCandidate !== null);
  const candidates = blocked.map((o) => o.candidates!);
  const rejected = count(outcomes, (o) => o.rejectedAsSent);
  return {
    cases: outcomes.length,
    withTrueRecord: held.length,
    matched: matched.length,
    matchedCorrectly,
    precision: ratio(matchedCorrectly, matched.length),
    recall: ratio(matchedCorrectly, held.length),
    reviewRecall: ratio(matchedCorrectly + listed, held.length),
    ambiguous,
    ambiguousShare: ratio(ambiguous, outcomes.length),
    notKnown: count(outcomes, (o) => o.status === 'NOT_KNOWN'),
    wrongMatches: matched.length - matchedCorrectly,
    twinFalseMatches: count(outcomes, (o) => o.variation === 'twin' && matchedTo(o, o.truth.siblingRecordId)),
    siblingFalseMatches: count(outcomes, (o) => o.variation === 'sibling' && matchedTo(o, o.truth.siblingRecordId)),
    namesakeMatches: count(outcomes, (o) => matchedTo(o, o.truth.namesakeRecordId)),
    conflictingIdentifierMatches: count(outcomes, (o) => matchedTo(o, o.truth.identifierOwnerRecordId)),
    rejected,
    rejectedShare: ratio(rejected, outcomes.length),
    blockingRecall: ratio(count(blockedHeld, (o) => o.trueRecordIsCandidate === true), blockedHeld.length),
    meanCandidates: candidates.length === 0 ? null : candidates.reduce((a, b) => a + b, 0) / candidates.length,
    maxCandidates: candidates.length === 0 ? null : candidates.reduce((a, b) => Math.max(a, b), 0),
  };
}

export interface MetricsTable {
  overall: MatchingMetrics;
  byVariation: Partial<Record<MatchingVariation, MatchingMetrics>>;
}

/** Overall and per variation, variations in the order given. */
export function tabulateMatchingMetrics(outcomes: readonly CaseOutcome[], variations: readonly MatchingVariation[]): MetricsTable {
  const byVariation: Partial<Record<MatchingVariation, MatchingMetrics>> = {};
  for (const variation of variations) {
    const some = outcomes.filter((o) => o.variation === variation);
    if (some.length > 0) byVariation[variation] = computeMatchingMetrics(some);
  }
  return { overall: computeMatchingMetrics(outcomes), byVariation };
}
