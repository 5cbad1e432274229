import type { CaseTruth } from '../generate';
import { computeMatchingMetrics, tabulateMatchingMetrics } from '../metrics';
import type { CaseOutcome } from '../metrics';
import { MATCHING_VARIATIONS } from '../variations';

const truth = (recordId: string | null, extra: Partial<CaseTruth> = {}): CaseTruth => ({
  recordId, siblingRecordId: null, identifierOwnerRecordId: null, namesakeRecordId: null, recordDifferences: [], ...extra,
});
const outcome = (partial: Partial<CaseOutcome> & Pick<CaseOutcome, 'caseId' | 'variation' | 'truth' | 'status'>): CaseOutcome => ({
  agency: 'health', rejectedAsSent: false, matchedRecordId: null, listedRecordIds: [], candidates: 0, trueRecordIsCandidate: null, ...partial,
});

// Six answers, one of each kind that matters.
const outcomes: CaseOutcome[] = [
  outcome({ caseId: 'c1', variation: 'exact', truth: truth('T1'), status: 'MATCHED', matchedRecordId: 'T1', candidates: 2, trueRecordIsCandidate: true }),
  outcome({ caseId: 'c2', variation: 'exact', truth: truth('T2'), status: 'AMBIGUOUS', listedRecordIds: ['X', 'T2'], candidates: 3, trueRecordIsCandidate: true }),
  outcome({ caseId: 'c3', variation: 'twin', truth: truth('T3', { siblingRecordId: 'S3' }), status: 'MATCHED', matchedRecordId: 'S3', candidates: 2, trueRecordIsCandidate: true }),
  outcome({ caseId: 'c4', variation: 'non-match', truth: truth(null), status: 'MATCHED', matchedRecordId: 'Y', candidates: 1 }),
  outcome({
    caseId: 'c5', variation: 'identifier-sibling', truth: truth('T5', { identifierOwnerRecordId: 'O5', siblingRecordId: 'O5' }),
    status: 'MATCHED', matchedRecordId: 'O5', candidates: 4, trueRecordIsCandidate: true,
  }),
  outcome({ caseId: 'c6', variation: 'identifier-invalid', truth: truth('T6'), status: 'NOT_KNOWN', rejectedAsSent: true, candidates: 0, trueRecordIsCandidate: false }),
];

describe('computeMatchingMetrics', () => {
  const metrics = computeMatchingMetrics(outcomes);

  it('counts precision over MATCHED answers and recall over cases with a true record', () => {
    expect(metrics).toMatchObject({ cases: 6, withTrueRecord: 5, matched: 4, matchedCorrectly: 1, wrongMatches: 3 });
    expect(metrics.precision).toBeCloseTo(1 / 4);
    expect(metrics.recall).toBeCloseTo(1 / 5);
  });

  it('credits review recall for the true record listed among AMBIGUOUS candidates', () => {
    expect(metrics.reviewRecall).toBeCloseTo(2 / 5);
    expect(metrics.ambiguous).toBe(1);
    expect(metrics.ambiguousShare).toBeCloseTo(1 / 6);
  });

  it('counts the other twin MATCHED and the identifier owner MATCHED', () => {
    expect(metrics.twinFalseMatches).toBe(1);
    expect(metrics.conflictingIdentifierMatches).toBe(1);
    // identifier-sibling is not a sibling case: its sibling is counted as the identifier owner only.
    expect(metrics.siblingFalseMatches).toBe(0);
  });

  it('reports rejection, blocking recall and candidate counts', () => {
    expect(metrics.rejected).toBe(1);
    expect(metrics.rejectedShare).toBeCloseTo(1 / 6);
    expect(metrics.blockingRecall).toBeCloseTo(4 / 5);
    expect(metrics.meanCandidates).toBeCloseTo(2);
    expect(metrics.maxCandidates).toBe(4);
  });

  it('has no figure where its denominator is empty', () => {
    const none = computeMatchingMetrics([outcomes[3]]);
    expect(none.recall).toBeNull();
    expect(none.reviewRecall).toBeNull();
    expect(none.blockingRecall).toBeNull();
    expect(none.precision).toBe(0);
    expect(computeMatchingMetrics([]).precision).toBeNull();
  });

  it('leaves blocking figures out for answers without blocking (the baseline)', () => {
    const baseline = computeMatchingMetrics(outcomes.map((o) => ({ ...o, candidates: null, trueRecordIsCandidate: null })));
    expect(baseline.blockingRecall).toBeNull();
    expect(baseline.meanCandidates).toBeNull();
  });
});

describe('tabulateMatchingMetrics', () => {
  it('gives one row per variation present, and the overall row', () => {
    const table = tabulateMatchingMetrics(outcomes, MATCHING_VARIATIONS);
    expect(Object.keys(table.byVariation)).toEqual(['exact', 'identifier-invalid', 'identifier-sibling', 'twin', 'non-match']);
    expect(table.byVariation.exact).toMatchObject({ cases: 2, precision: 1, recall: 0.5, reviewRecall: 1 });
    expect(table.overall.cases).toBe(6);
  });
});
