// Ours / plain / floor on the triage query at one size, then each path at concurrency 1.
const { AGENCIES } = require('@mash/shared');
const { closedLoop, closedLoopRaw, merge, round } = require('./load');
const { TARGETS, verdict } = require('./verdicts');

/** One closed-loop run of `once` at the configured concurrency, logged. */
async function measure(bench, name, once, durationS, warmupS) {
  const { settings, log } = bench;
  log(`measuring ${name}: ${warmupS} s warm-up + ${durationS} s at concurrency ${settings.concurrency}`);
  const result = await closedLoop({ once, concurrency: settings.concurrency, durationMs: durationS * 1000, warmupMs: warmupS * 1000 });
  log(`  ${name}: ${result.throughput} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`);
  return result;
}

/**
 * `run` holds `{ auth, variables, fetches, grants }`. The three targets are interleaved: each gets
 * `rounds` segments, the order rotating each round, so drift on a shared machine (another process
 * busy, caches filling) falls on all three alike.
 */
async function compare(bench, people, run) {
  const { settings, ports, targets, log } = bench;
  const once = {
    plain: targets.triage(ports.plain, {}, run.variables),
    ours: targets.triage(ports.gateway, run.auth, run.variables),
    floor: targets.floor(run.fetches, run.grants),
  };
  const segments = { ours: [], plain: [], floor: [] };
  const segmentMs = (settings.durationS / settings.rounds) * 1000;
  log(`comparison at ${people.toLocaleString('en-GB')} people: ${settings.warmupS} s warm-up each, then ${settings.rounds} rounds of ${segmentMs / 1000} s per target`);
  for (const name of settings.order) await closedLoopRaw({ once: once[name], concurrency: settings.concurrency, durationMs: settings.warmupS * 1000 });
  for (let index = 0; index < settings.rounds; index += 1) {
    const order = settings.order.map((_, position) => settings.order[(position + index) % settings.order.length]);
    for (const name of order) {
      const segment = await closedLoopRaw({ once: once[name], concurrency: settings.concurrency, durationMs: segmentMs, warmupMs: settings.segmentWarmupS * 1000 });
      segments[name].push(segment);
      log(`  round ${index + 1} ${name}: ${segment.latencies.length} requests, errors ${segment.errors}`);
    }
  }
  const [ours, plain, floor] = ['ours', 'plain', 'floor'].map((name) => merge(segments[name]));
  for (const [name, result] of Object.entries({ ours, plain, floor })) {
    log(`  ${name}: ${result.throughput} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`);
  }
  const ratio = (a, b) => (a && b ? round(a / b, 3) : null);
  const ratios = {
    throughput: ratio(ours.throughput, plain.throughput),
    p50Plain: ratio(ours.p50, plain.p50),
    p50Floor: ratio(ours.p50, floor.p50),
    throughputFloor: ratio(ours.throughput, floor.throughput),
    // The same ratio for @apollo/gateway with no enforcement: what the gateway targets ask of any
    // gateway built on it, on this machine (information, no verdict).
    plainP50Floor: ratio(plain.p50, floor.p50),
    p95Plain: ratio(ours.p95, plain.p95),
    p99Plain: ratio(ours.p99, plain.p99),
  };
  const clean = !ours.errors && !plain.errors && !floor.errors;
  const judged = (target, value) => (clean ? verdict(target, value) : 'FAIL (errors)');
  ratios.verdicts = {
    throughput: judged(TARGETS.throughputRatio, ratios.throughput),
    p50Plain: judged(TARGETS.p50RatioPlain, ratios.p50Plain),
    p50Floor: judged(TARGETS.p50RatioFloor, ratios.p50Floor),
  };
  const unloaded = settings.unloadedS > 0 ? await unloadedCosts(bench, run, once) : {};
  // What each gateway adds to the floor at concurrency 1 (the ours - floor target is judged in the scale runs).
  const overFloor = (name) => (unloaded[name]?.p50 != null && unloaded.floor?.p50 != null ? round(unloaded[name].p50 - unloaded.floor.p50) : null);
  ratios.oursOverFloorMs = overFloor('ours');
  ratios.plainOverFloorMs = overFloor('plain');
  const { concurrency, durationS, warmupS, rounds, segmentWarmupS, order, unloadedS } = settings;
  return { people, settings: { concurrency, durationS, warmupS, rounds, segmentWarmupS, order, unloadedS }, ours, plain, floor, ratios, unloaded };
}

/** Concurrency 1 after the comparison: the serial cost of each path and of the hub part alone. */
async function unloadedCosts(bench, run, once) {
  const { ports, targets } = bench;
  return serially(bench, {
    ...once,
    'plain hub-only': targets.hubOnly(ports.plain, {}, run.variables),
    'ours hub-only': targets.hubOnly(ports.gateway, run.auth, run.variables),
  });
}

/**
 * Concurrency 1 at one size: ours, the floor (the four fetches in parallel) and each agency's
 * floor alone (its captured `_entities` fetch for the RED case's subjects, sent straight to it
 * with a valid grant): what the issue's per-agency and ours-minus-floor targets are judged on.
 */
async function unloadedAtSize(bench, run) {
  const { ports, targets } = bench;
  const measured = await serially(bench, {
    ours: targets.triage(ports.gateway, run.auth, run.variables),
    floor: targets.floor(run.fetches, run.grants),
    ...Object.fromEntries(AGENCIES.map((agency) => [agency, targets.floor(run.fetches, run.grants, [agency])])),
  });
  return { ours: measured.ours, floor: measured.floor, agencies: Object.fromEntries(AGENCIES.map((agency) => [agency, measured[agency]])) };
}

/**
 * Each `once` in turn at concurrency 1 for `durationS` (default `--unloaded-duration`) s after 1 s of
 * warm-up; with `bench.cpu` (cpu.js), the CPU per request each service, postgres and the bench
 * spent on the measured requests (`cpuMsPerRequest`).
 */
async function serially(bench, all, durationS = bench.settings.unloadedS) {
  const { log, cpu } = bench;
  const unloaded = {};
  for (const [name, once] of Object.entries(all)) {
    await closedLoopRaw({ once, concurrency: 1, durationMs: 1000 });
    const before = cpu?.sample();
    const raw = await closedLoopRaw({ once, concurrency: 1, durationMs: durationS * 1000 });
    unloaded[name] = merge([raw]);
    delete unloaded[name].segments;
    const perRequest = before ? cpu.perRequest(before, cpu.sample(), raw.latencies.length) : null;
    if (perRequest) unloaded[name].cpuMsPerRequest = perRequest;
    log(`  ${name} at concurrency 1: p50 ${unloaded[name].p50} ms, p99 ${unloaded[name].p99} ms${unloaded[name].errors ? `, errors ${unloaded[name].errors} (${unloaded[name].firstError})` : ''}`);
  }
  return unloaded;
}

module.exports = { compare, measure, serially, unloadedAtSize };
