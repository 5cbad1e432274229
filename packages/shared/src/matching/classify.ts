import { DEFAULT_THRESHOLDS } from './model';
import type { Classification, MatchReason, MatchThresholds, ScoredCandidate } from './types';

const IDENTIFIERS: readonly MatchReason[] = ['NHS_NUMBER', 'UPN', 'PNC_ID'];

/**
 * Deterministic rules first (DOMAIN.md 0.7): when exactly one candidate agrees on an identifier,
 * it is the match. Otherwise MATCHED only when exactly one candidate reaches `match` and no other
 * reaches `possible`: a second plausible record (a twin, a duplicate) needs a person to decide,
 * so it is AMBIGUOUS.
 */
export function classify<R>(candidates: ScoredCandidate<R>[], thresholds: MatchThresholds = DEFAULT_THRESHOLDS): Classification<R> {
  const possible = candidates
    .filter((c) => c.score.confidence >= thresholds.possible)
    .sort((a, b) => b.score.confidence - a.score.confidence);
  if (possible.length === 0) return { status: 'NOT_KNOWN', matches: [] };
  const byIdentifier = possible.filter((c) => c.score.confidence >= thresholds.match && c.score.matchedOn.some((reason) => IDENTIFIERS.includes(reason)));
  if (byIdentifier.length === 1) return { status: 'MATCHED', matches: byIdentifier };
  if (possible.length === 1 && possible[0].score.confidence >= thresholds.match) return { status: 'MATCHED', matches: possible };
  return { status: 'AMBIGUOUS', matches: possible };
}
