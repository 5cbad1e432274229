import { DEFAULT_THRESHOLDS } from './model';
import type { Classification, MatchThresholds, ScoredCandidate } from './types';

/** The most candidates an AMBIGUOUS answer lists: enough to choose among, not a trawl. */
export const MAX_AMBIGUOUS_CANDIDATES = 5;

/**
 * How far (in log2 Bayes factor) the best candidate must lead the next for the next not to stand
 * in its way: 2^8, 256 times likelier. Twins and siblings at one address are each a possible
 * match on a shared surname, postcode and birth date; the name the referral gives separates them
 * by more than this, a duplicate record not at all.
 */
export const DOMINANCE_BITS = 8;

/**
 * Deterministic rules first (DOMAIN.md 0.7): exactly one candidate agreeing on a corroborated
 * identifier is the match. An identifier agreeing with a record its demographics contradict
 * (a sibling's or a stranger's number) never wins: the answer is AMBIGUOUS, naming that record
 * and the best candidate on demographics. Otherwise MATCHED when one candidate reaches `match`
 * and no other is a plausible rival; two plausible records need a person to decide (AMBIGUOUS).
 */
export function classify<R>(candidates: ScoredCandidate<R>[], thresholds: MatchThresholds = DEFAULT_THRESHOLDS): Classification<R> {
  const conflicts = candidates.filter((c) => c.score.contradicted);
  if (conflicts.length > 0) return identifierConflict(candidates, conflicts, thresholds);
  const possible = candidates
    .filter((c) => c.score.confidence >= thresholds.possible)
    .sort((a, b) => b.score.confidence - a.score.confidence || b.score.weight - a.score.weight);
  if (possible.length === 0) return { status: 'NOT_KNOWN', matches: [] };
  const byIdentifier = possible.filter((c) => c.score.corroborated && c.score.confidence >= thresholds.match);
  if (byIdentifier.length === 1) return { status: 'MATCHED', matches: byIdentifier };
  const [best, second] = possible;
  if (best.score.matchable && best.score.confidence >= thresholds.match && (!second || best.score.weight - second.score.weight >= DOMINANCE_BITS)) {
    return { status: 'MATCHED', matches: [best] };
  }
  return { status: 'AMBIGUOUS', matches: possible.slice(0, MAX_AMBIGUOUS_CANDIDATES) };
}

function identifierConflict<R>(candidates: ScoredCandidate<R>[], owners: ScoredCandidate<R>[], thresholds: MatchThresholds): Classification<R> {
  // The number is in doubt, so every candidate stands on its demographics alone.
  const onDemographics = (c: ScoredCandidate<R>): ScoredCandidate<R> => ({
    record: c.record,
    score: { ...c.score, confidence: c.score.demographicConfidence, weight: c.score.demographicWeight },
  });
  const others = candidates
    .filter((c) => !owners.includes(c))
    .map(onDemographics)
    .filter((c) => c.score.confidence >= thresholds.possible)
    .sort((a, b) => b.score.confidence - a.score.confidence);
  const listed = [...owners.map(onDemographics), ...others.slice(0, 1)]
    .sort((a, b) => b.score.confidence - a.score.confidence)
    .slice(0, MAX_AMBIGUOUS_CANDIDATES);
  return { status: 'AMBIGUOUS', matches: listed, reason: 'IDENTIFIER_CONFLICT' };
}
