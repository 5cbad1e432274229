import { DEFAULT_THRESHOLDS } from './model';
import type { Classification, MatchThresholds, ScoredCandidate } from './types';

/**
 * MATCHED only when exactly one candidate reaches `match` and no other reaches `possible`: a
 * second plausible record (a twin, a duplicate) needs a person to decide, so it is AMBIGUOUS.
 */
export function classify<R>(candidates: ScoredCandidate<R>[], thresholds: MatchThresholds = DEFAULT_THRESHOLDS): Classification<R> {
  const possible = candidates
    .filter((c) => c.score.confidence >= thresholds.possible)
    .sort((a, b) => b.score.confidence - a.score.confidence);
  if (possible.length === 0) return { status: 'NOT_KNOWN', matches: [] };
  if (possible.length === 1 && possible[0].score.confidence >= thresholds.match) return { status: 'MATCHED', matches: possible };
  return { status: 'AMBIGUOUS', matches: possible };
}
