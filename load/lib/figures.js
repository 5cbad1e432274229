// The figures of one `npm run load`: per kind and overall (requests, throughput, latency
// percentiles, errors by code, expected denials by rule), the verdicts that decide the exit code,
// the method in words, and the printed report.
const { percentile, round } = require('../../bench/lib/load');
const { fmt, int, table } = require('../../bench/lib/format');
const { KINDS, EXPECTED_DENIAL } = require('./mix');

/** Where every answered or failed request is recorded during the run. */
function createRecorder() {
  const kinds = Object.fromEntries([...KINDS, 'unknown'].map((kind) => [kind, { latencies: [], ok: 0, denied: 0, errors: 0, errorCodes: {}, denialRules: {} }]));
  const acknowledged = new Map(); // idempotency key -> reference the client was given
  const firstErrors = [];
  return {
    kinds,
    acknowledged,
    firstErrors,
    /** One answer: its kind, autocannon's latency and the judgement of `classify`. */
    answered(kind, latencyMs, judged) {
      const bucket = kinds[kind] ?? kinds.unknown;
      bucket.latencies.push(latencyMs);
      this.count(kind, judged);
    },
    /** A request with no answer (timeout, connection error): counted as an error, no latency. */
    failed(kind, code, detail) {
      this.count(kind, { outcome: 'error', code, detail });
    },
    count(kind, judged) {
      const bucket = kinds[kind] ?? kinds.unknown;
      if (judged.outcome === 'ok') bucket.ok += 1;
      else if (judged.outcome === 'denied') {
        bucket.denied += 1;
        for (const rule of new Set(judged.rules ?? [])) bucket.denialRules[rule] = (bucket.denialRules[rule] ?? 0) + 1;
      } else {
        bucket.errors += 1;
        bucket.errorCodes[judged.code] = (bucket.errorCodes[judged.code] ?? 0) + 1;
        if (firstErrors.length < 10) firstErrors.push({ kind, code: judged.code, ...(judged.detail ? { detail: String(judged.detail).slice(0, 200) } : {}) });
      }
      if (kind === 'write' && judged.outcome === 'ok' && judged.key) acknowledged.set(judged.key, judged.reference);
    },
  };
}

function latencySummary(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const count = sorted.length;
  return {
    responses: count,
    throughput: seconds > 0 ? round(count / seconds, 1) : null,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(count ? sorted[count - 1] : null),
    mean: round(count ? sorted.reduce((sum, value) => sum + value, 0) / count : null),
  };
}

/** Per kind and overall, over the run's measured seconds. */
function summarise(recorder, seconds) {
  const kinds = {};
  for (const [kind, bucket] of Object.entries(recorder.kinds)) {
    const requests = bucket.ok + bucket.denied + bucket.errors;
    if (kind === 'unknown' && requests === 0) continue;
    kinds[kind] = { requests, ok: bucket.ok, expectedDenials: bucket.denied, errors: bucket.errors, ...latencySummary(bucket.latencies, seconds), errorCodes: bucket.errorCodes, denialRules: bucket.denialRules };
  }
  const all = Object.values(recorder.kinds);
  const overall = {
    requests: all.reduce((sum, b) => sum + b.ok + b.denied + b.errors, 0),
    ok: all.reduce((sum, b) => sum + b.ok, 0),
    expectedDenials: all.reduce((sum, b) => sum + b.denied, 0),
    errors: all.reduce((sum, b) => sum + b.errors, 0),
    ...latencySummary(all.flatMap((b) => b.latencies), seconds),
  };
  const errorsByKindAndCode = Object.fromEntries(Object.entries(kinds).filter(([, k]) => k.errors).map(([kind, k]) => [kind, k.errorCodes]));
  return { overall, kinds, errorsByKindAndCode, firstErrors: recorder.firstErrors };
}

const P99_LIMIT_MS = 1000;

/** Each check that decides the exit code, named; `ok` false for any failed. */
function verdicts({ figures, warmup = null, writes, chain }) {
  const list = [];
  const errorText = (summary) => Object.entries(summary.errorsByKindAndCode).map(([kind, codes]) => `${kind}: ${Object.entries(codes).map(([code, n]) => `${code} x${n}`).join(', ')}`).join('; ');
  const errors = figures.overall.errors + (warmup?.overall.errors ?? 0);
  const detail = [
    figures.overall.errors === 0 ? '0 errors' : `${figures.overall.errors} errors (${errorText(figures)})`,
    ...(warmup ? [warmup.overall.errors === 0 ? '0 in the warm-up' : `${warmup.overall.errors} in the warm-up (${errorText(warmup)})`] : []),
  ].join('; ');
  list.push({ check: 'no errors (other than expected denials)', ok: errors === 0, detail });
  const p99 = figures.overall.p99;
  list.push({ check: `p99 under ${P99_LIMIT_MS} ms`, ok: p99 !== null && p99 < P99_LIMIT_MS, detail: p99 === null ? 'no responses' : `overall p99 ${fmt(p99)} ms (${Object.entries(figures.kinds).map(([kind, k]) => `${kind} ${fmt(k.p99)}`).join(', ')})` });
  list.push({
    check: 'every acknowledged write present in the hub database',
    ok: writes.missing === 0 && writes.referenceMismatches === 0,
    detail: `${writes.acknowledged} acknowledged, ${writes.present} present, ${writes.missing} missing${writes.referenceMismatches ? `, ${writes.referenceMismatches} with another reference` : ''}`,
  });
  list.push({ check: 'access-log chain verifies', ok: chain.ok === true, detail: chain.ok ? `${chain.entries} entries verified` : `BROKEN${chain.firstBroken ? ` at seq ${chain.firstBroken.seq ?? JSON.stringify(chain.firstBroken)}` : ''}${chain.error ? `: ${chain.error}` : ''}` });
  return list;
}

/** The method, in words, as printed and stored. */
function methodText({ settings, order, machine, autocannonVersion, users, cases }) {
  return [
    `Machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
      `load average at start ${machine.loadAverageAtStart.join(' / ')}; commit ${machine.commit}${machine.dirty ? ' (working tree differs)' : ''}. ` +
      'The five services, Postgres and the load generator share this machine\'s cores.',
    `Services: the four agencies and the gateway as separate processes (production builds, NODE_ENV=production, no demo issuer: the load test is the identity provider ` +
      `with a fresh ES256 key, the gateway gets a fresh grant key), on 127.0.0.1 only, each on its own fresh Postgres database (${settings.databasePrefix}_{hub,police,social_care,health,education}), ` +
      `demo seed with ${int(settings.seedPeople)} people per agency, then VACUUM (ANALYZE) of every database (as autovacuum would leave them); per-user rate limit off (MASH_RATE_LIMIT_PER_MINUTE=0), ${settings.maxInFlight === null || settings.maxInFlight === undefined ? 'requests worked on at once by the gateway at its default (MASH_MAX_IN_FLIGHT: twice its cores, at least 4)' : `MASH_MAX_IN_FLIGHT=${settings.maxInFlight}${settings.maxInFlight === 0 ? ' (no limit)' : ''}`}, every other limit and setting at its default (tracing off, /metrics not scraped, log level warn); no MASH_*, AUTH_*, OTEL_* or service variable of the caller is passed on.`,
    `Load: autocannon ${autocannonVersion}, ${settings.connections} connections, closed loop (one request in flight per connection, no pipelining), for ${settings.durationS} s, ` +
      `${settings.warmupS > 0 ? `after a warm-up of ${settings.warmupS} s of the same load (its latencies reported apart and left out of the run's figures; its errors fail the run like the run's own, its writes are checked with the run's)` : 'no warm-up'}; request timeout ${settings.timeoutS} s. Each connection cycles through ${order.join(', ')}, connection n starting at the n-th kind of that cycle so that they are not in step (mix ${Object.entries(settings.mix).map(([k, w]) => `${k}=${w}`).join(', ')}). ` +
      `triage = the README's triage query (case, subjects, the four agencies' matches and flags) on the ${cases} open RED/AMBER cases in turn; ` +
      'cases = the case list `{ cases { id reference rag status dueBy overdue } }` (first 50); ' +
      'write = receiveReferral of a synthetic child (made-up name and date of birth) with a unique idempotency key; ' +
      `${users} triage users (role mash-triage) in turn.`,
    'Latency: autocannon\'s, from writing the request to the end of its response, for every answered request; percentiles nearest-rank over all of them; ' +
      'throughput = answered requests / run seconds.',
    'An error is: a timeout or connection error, an HTTP status other than 200, a body that is not JSON, any GraphQL error whose extensions.code is not ' +
      `${EXPECTED_DENIAL}, ${EXPECTED_DENIAL} on a case list or a write, a triage answer without its case or subjects, an empty case list, ` +
      `a write answered without its case id and reference. Expected denials: ${EXPECTED_DENIAL} errors on a triage read (the agreement refusing an agency or a field), counted apart by rule.`,
    'Afterwards, with the services stopped: every idempotency key the client got a case for is looked up in the hub database (mash_case.idempotency_key, same reference), ' +
      'and verifyChain checks the whole access log.',
  ];
}

/** CPU milliseconds per answered request, by process: the figure least moved by whatever else runs on the machine. */
function cpuPerRequest(cpu, requests) {
  const ms = (cores) => (cores === null || cores === undefined || requests === 0 ? '-' : fmt((cores * cpu.seconds * 1000) / requests));
  const agencies = Object.entries(cpu.services).filter(([name]) => name !== 'gateway');
  const agencyCores = agencies.some(([, cores]) => cores === null) ? null : agencies.reduce((sum, [, cores]) => sum + cores, 0);
  return `CPU per answered request (ms): gateway ${ms(cpu.services.gateway)}, agencies ${ms(agencyCores)} (${agencies.map(([name, cores]) => `${name} ${ms(cores)}`).join(', ')}), ` +
    `postgres for this run's databases ${ms(cpu.postgresRunDatabases)}`;
}

function render(result) {
  const { figures, writes, chain, checks } = result;
  const row = (name, k) => [name, int(k.requests), fmt(k.throughput, 1), fmt(k.p50), fmt(k.p90), fmt(k.p99), fmt(k.max), int(k.errors), int(k.expectedDenials)];
  const lines = [
    `npm run load, ${result.startedAt} (commit ${result.machine.commit}${result.machine.dirty ? ', working tree differs' : ''})`,
    '',
    'Method:',
    ...result.method.map((line) => `  ${line}`),
    '',
    table(
      ['kind', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'denials'],
      [...Object.entries(figures.kinds).map(([kind, k]) => row(kind, k)), row('overall', figures.overall)],
    ),
    ...(result.warmup
      ? [`warm-up (${result.warmup.seconds} s, not in the figures above): ${int(result.warmup.figures.overall.requests)} answered, p50 ${fmt(result.warmup.figures.overall.p50)} ms, p99 ${fmt(result.warmup.figures.overall.p99)} ms, max ${fmt(result.warmup.figures.overall.max)} ms, ${int(result.warmup.figures.overall.errors)} errors`]
      : []),
    '',
    `errors by kind and code: ${Object.keys(figures.errorsByKindAndCode).length ? JSON.stringify(figures.errorsByKindAndCode) : 'none'}`,
    `expected denials by rule: ${Object.entries(figures.kinds).filter(([, k]) => k.expectedDenials).map(([kind, k]) => `${kind} ${JSON.stringify(k.denialRules)}`).join('; ') || 'none'}`,
    `writes: ${writes.acknowledged} acknowledged, ${writes.present} present in the hub database, ${writes.missing} missing; ${writes.inDatabase} cases with this run's keys in the database`,
    `access log: ${chain.ok ? 'chain verified' : 'chain BROKEN'}, ${int(chain.entries)} entries (${fmt(chain.seconds)} s)`,
    ...(result.cpu
      ? [
          `CPU during the run (cores busy on average, of ${result.cpu.cpus}): machine ${fmt(result.cpu.machineBusyCores)} = ` +
            `${Object.entries(result.cpu.services).map(([name, cores]) => `${name} ${fmt(cores)}`).join(', ')}, load generator ${fmt(result.cpu.loadGenerator)}, ` +
            `postgres ${fmt(result.cpu.postgres)} (this run's databases ${fmt(result.cpu.postgresRunDatabases)}), rest of the machine ${fmt(result.cpu.restOfMachine)}`,
          cpuPerRequest(result.cpu, figures.overall.requests),
        ]
      : []),
    '',
    ...checks.map((check) => `${check.ok ? 'PASS' : 'FAIL'}  ${check.check}: ${check.detail}`),
  ];
  return lines.join('\n');
}

module.exports = { createRecorder, summarise, verdicts, methodText, render, P99_LIMIT_MS };
