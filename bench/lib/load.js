// A bounded closed-loop load generator: `concurrency` workers, each sending its next request as
// soon as the previous one answers, for a fixed time. Every latency is recorded, so percentiles are
// exact (nearest rank over the sorted sample), not estimated from buckets.

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarise(latenciesMs, elapsedMs, errors, firstError) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const count = sorted.length;
  const mean = count ? sorted.reduce((sum, value) => sum + value, 0) / count : null;
  return {
    requests: count,
    errors,
    firstError: firstError ?? null,
    seconds: round(elapsedMs / 1000, 3),
    throughput: count ? round((count / elapsedMs) * 1000, 1) : 0,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    min: round(count ? sorted[0] : null),
    max: round(count ? sorted[count - 1] : null),
    mean: round(mean),
  };
}

function round(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Runs `once()` in a closed loop. `once` resolves to `{ error?: string }` (an error string counts
 * the request as failed) and may reject (also counted). Warm-up requests are sent the same way and
 * discarded. Both phases are bounded by time and by `maxRequests`.
 */
async function closedLoop({ once, concurrency, durationMs, warmupMs = 0, maxRequests = 5_000_000 }) {
  const raw = await closedLoopRaw({ once, concurrency, durationMs, warmupMs, maxRequests });
  return summarise(raw.latencies, raw.elapsedMs, raw.errors, raw.firstError);
}

/** Like `closedLoop`, but returns the recorded latencies, so several segments can be merged. */
async function closedLoopRaw({ once, concurrency, durationMs, warmupMs = 0, maxRequests = 5_000_000 }) {
  if (warmupMs > 0) await phase({ once, concurrency, durationMs: warmupMs, maxRequests });
  return phase({ once, concurrency, durationMs, maxRequests });
}

/** One summary of several segments: all latencies, errors summed, throughput over the summed time. */
function merge(segments) {
  const latencies = segments.flatMap((segment) => segment.latencies);
  const elapsedMs = segments.reduce((sum, segment) => sum + segment.elapsedMs, 0);
  const errors = segments.reduce((sum, segment) => sum + segment.errors, 0);
  const summary = summarise(latencies, elapsedMs, errors, segments.find((segment) => segment.firstError)?.firstError);
  summary.segments = segments.map((segment) => summarise(segment.latencies, segment.elapsedMs, segment.errors, segment.firstError)).map(({ throughput, p50, p99, errors: e }) => ({ throughput, p50, p99, errors: e }));
  return summary;
}

async function phase({ once, concurrency, durationMs, maxRequests }) {
  const latencies = [];
  let errors = 0;
  let firstError;
  let started = 0;
  const startNs = process.hrtime.bigint();
  const endNs = startNs + BigInt(Math.round(durationMs * 1e6));
  let lastDoneNs = startNs;
  const worker = async () => {
    while (process.hrtime.bigint() < endNs && started < maxRequests) {
      started += 1;
      const t0 = process.hrtime.bigint();
      let error;
      // A target may prepare before it sends (the floor mints its grants): it says when it sent.
      let sentNs;
      try {
        ({ error, sentNs } = (await once()) ?? {});
      } catch (caught) {
        error = caught.message || String(caught);
      }
      const t1 = process.hrtime.bigint();
      lastDoneNs = t1 > lastDoneNs ? t1 : lastDoneNs;
      latencies.push(Number(t1 - (sentNs ?? t0)) / 1e6);
      if (error) {
        errors += 1;
        firstError ??= String(error).slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsedMs: Number(lastDoneNs - startNs) / 1e6, errors, firstError };
}

module.exports = { closedLoop, closedLoopRaw, merge, percentile, summarise, round };
