// The targets (issue 7; audit from issue 4) and how a measured value is judged against one.

const TARGETS = {
  throughputRatio: { label: 'ours / plain throughput (concurrency 16)', op: '>=', value: 0.95 },
  // Kept: the floor targets do not imply it (plain's p50 lies above the floor's, so ours / floor
  // <= 1.3 still allows ours / plain up to 1.3).
  p50RatioPlain: { label: 'ours / plain p50 (concurrency 16)', op: '<=', value: 1.15 },
  p50RatioFloor: { label: 'ours / floor p50 (concurrency 16)', op: '<=', value: 1.3 },
  agencyFloor: { label: 'agency floor p50 at concurrency 1, ms', op: '<=', value: 2.5 },
  oursOverFloor: { label: 'ours - floor p50 at concurrency 1, ms', op: '<=', value: 4 },
  growth: { label: 'p50 growth smallest -> largest (concurrency 16)', op: '<=', value: 1.2 },
  growthUnloaded: { label: 'p50 growth smallest -> largest (concurrency 1)', op: '<=', value: 1.2 },
  seqScan: { label: 'seq scan on a person table (largest)', op: '==', value: 'none' },
  audit: { label: 'audit appends/s, chain verified', op: '>=', value: 2000 },
};

function verdict(target, value) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (target.op === '>=') return value >= target.value ? 'PASS' : 'FAIL';
  if (target.op === '<=') return value <= target.value ? 'PASS' : 'FAIL';
  return value === target.value ? 'PASS' : 'FAIL';
}

/** "<= 2.5" */
const bound = (target) => `${target.op} ${target.value}`;

module.exports = { TARGETS, verdict, bound };
