/**
 * Memos that live for one matching pass only. Matching a batch compares every subject with every
 * candidate sharing a blocking key, and each comparison normalises both sides again: with 70
 * candidates for three subjects, the same few dozen names and postcodes were normalised hundreds
 * of times. Inside `inMatchingPass` each distinct value is normalised once; the memos are dropped
 * when the pass returns, so no personal data outlives the request that brought it. The pass is
 * synchronous, so no other request's work runs inside it.
 */
let pass: Map<Function, Map<string, unknown>> | null = null;

/** Runs `work` as one matching pass (a pass already running is joined, not restarted). */
export function inMatchingPass<T>(work: () => T): T {
  if (pass) return work();
  pass = new Map();
  try {
    return work();
  } finally {
    pass = null;
  }
}

/** `fn` memoised by its argument inside a matching pass, called directly outside one. `fn` must be pure. */
export function memoisedInPass<R>(fn: (raw: string) => R): (raw: string) => R {
  return (raw: string) => {
    if (!pass) return fn(raw);
    let memo = pass.get(fn) as Map<string, R> | undefined;
    if (!memo) pass.set(fn, (memo = new Map()));
    if (memo.has(raw)) return memo.get(raw) as R;
    const value = fn(raw);
    memo.set(raw, value);
    return value;
  };
}
