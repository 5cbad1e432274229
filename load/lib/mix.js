// What `npm run load` sends and how each answer is judged: the three kinds of request (triage read,
// case-list read, referral write), the order each connection cycles through them, and the
// classification of every answer as ok, an expected denial, or an error with a code.

/** The README's triage view of one case (a triage officer's query), unchanged. */
const TRIAGE = `query Triage($id: ID!) {
  case(id: $id) {
    reference rag status dueBy overdue
    subjects {
      givenName familyName dateOfBirth
      police     { status ambiguity matches { confidence matchedOn candidate { recordId givenName familyName dateOfBirth } record { pncId warningMarkers { type since } } } flags { code severity summary } }
      socialCare { status ambiguity matches { confidence matchedOn candidate { recordId } } flags { code severity summary } }
      health     { status ambiguity matches { confidence matchedOn candidate { recordId } } flags { code severity summary } }
      education  { status ambiguity matches { confidence matchedOn candidate { recordId } } flags { code severity summary } }
    }
  }
}`;

/** The queue as the README's quick start reads it (default limit 50). */
const CASES = '{ cases { id reference rag status dueBy overdue } }';

const RECEIVE = 'mutation Receive($input: ReferralInput!, $key: String) { receiveReferral(input: $input, idempotencyKey: $key) { id reference } }';

const KINDS = ['triage', 'cases', 'write'];
/** The only error an answer may carry without counting as an error: the agreement refusing a triage read (or part of it). */
const EXPECTED_DENIAL = 'ISA_DENIED';

/** "triage=5,cases=3,write=2" -> { triage: 5, cases: 3, write: 2 }; every kind named once, whole non-negative weights, some positive. */
function parseMix(text) {
  const mix = { triage: 0, cases: 0, write: 0 };
  const seen = new Set();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z]+)=(\d+)$/.exec(part);
    if (!match || !KINDS.includes(match[1])) throw new Error(`--mix: "${part}" is not <kind>=<whole number> with kind one of ${KINDS.join(', ')}`);
    if (seen.has(match[1])) throw new Error(`--mix names ${match[1]} twice`);
    seen.add(match[1]);
    mix[match[1]] = Number(match[2]);
  }
  if (!Object.values(mix).some((weight) => weight > 0)) throw new Error('--mix needs at least one kind with a weight above 0');
  return mix;
}

const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

/**
 * The order each connection cycles through: every kind as often as its weight (weights divided by
 * their greatest common divisor), spread out by smooth weighted round robin, so 5/3/2 gives
 * triage, cases, write, triage, triage, cases, write, triage, cases, triage.
 */
function sequence(mix) {
  const weights = Object.fromEntries(Object.entries(mix).filter(([, weight]) => weight > 0));
  const divisor = Object.values(weights).reduce(gcd);
  for (const kind of Object.keys(weights)) weights[kind] /= divisor;
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  const current = Object.fromEntries(Object.keys(weights).map((kind) => [kind, 0]));
  const order = [];
  for (let i = 0; i < total; i += 1) {
    for (const kind of Object.keys(weights)) current[kind] += weights[kind];
    const next = Object.keys(current).reduce((best, kind) => (current[kind] > current[best] ? kind : best));
    current[next] -= total;
    order.push(next);
  }
  return order;
}

function parseBody(body) {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/**
 * Judges one answer. Returns `{ outcome: 'ok' | 'denied' | 'error', code?, rules? }`: `code` names
 * the error (a GraphQL `extensions.code`, `HTTP_<status>`, `NOT_JSON`, or a missing part of the
 * answer); `rules` the ISA rules behind an expected denial. ISA_DENIED is expected on a triage
 * read only; anywhere else it is an error like any other code.
 */
function classify(kind, status, body) {
  const json = parseBody(body);
  if (status !== 200) return { outcome: 'error', code: `HTTP_${status}${json?.errors?.[0]?.extensions?.code ? `_${json.errors[0].extensions.code}` : ''}` };
  if (!json) return { outcome: 'error', code: 'NOT_JSON' };
  const errors = Array.isArray(json.errors) ? json.errors : [];
  const codes = errors.map((error) => error?.extensions?.code ?? 'NO_CODE');
  const unexpected = codes.find((code) => !(kind === 'triage' && code === EXPECTED_DENIAL));
  if (unexpected) return { outcome: 'error', code: unexpected };
  if (kind === 'triage') {
    const found = json.data?.case;
    if (!found) return { outcome: 'error', code: 'NO_CASE' };
    if (!Array.isArray(found.subjects) || found.subjects.length === 0) return { outcome: 'error', code: 'NO_SUBJECTS' };
    if (errors.length) return { outcome: 'denied', rules: errors.map(denialRule) };
    return { outcome: 'ok' };
  }
  if (kind === 'cases') {
    if (!Array.isArray(json.data?.cases) || json.data.cases.length === 0) return { outcome: 'error', code: 'NO_CASES' };
    return { outcome: 'ok' };
  }
  const written = json.data?.receiveReferral;
  if (!written?.id || !written?.reference) return { outcome: 'error', code: 'NO_CASE_WRITTEN' };
  return { outcome: 'ok', reference: written.reference };
}

/** The rule an ISA_DENIED error names (`extensions.rule`, else the first rule-like word of its message). */
function denialRule(error) {
  const rule = error?.extensions?.rule ?? error?.extensions?.ruleId;
  if (typeof rule === 'string') return rule;
  const named = /\b([a-z]+(?:-[a-z]+)+)\b/.exec(String(error?.message ?? ''));
  return named ? named[1] : 'unnamed';
}

const GIVEN = ['Alex', 'Sam', 'Jo', 'Kit', 'Robin', 'Charlie', 'Rowan', 'Ash'];

/** A synthetic family name from a counter (letters only): Loadtestab, Loadtestac, ... never a real person's. */
function familyName(n) {
  let letters = '';
  let rest = n;
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `Loadtest${letters}`;
}

/** One synthetic referral: a school-age child with a made-up name and date of birth, unrated, consent not sought. */
function referral(n) {
  const year = 2010 + (n % 12);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    referrerName: 'Load test school',
    referrerOrganisation: 'Load test',
    referralSource: '2A',
    concern: `Synthetic load-test referral ${n}`,
    subjects: [{ householdRole: 'CHILD', givenName: GIVEN[n % GIVEN.length], familyName: familyName(n), dateOfBirth: `${year}-${month}-${day}` }],
  };
}

/**
 * autocannon's `requests` for one connection: the mix's sequence, each entry with its kind and a
 * `setupRequest` that fills in the variable part (the next case to triage, the next user, a fresh
 * idempotency key) and an `onResponse` that judges the answer and leaves it in the connection's
 * context for the run to record with autocannon's latency.
 */
function requestsFor({ mix, runId, cases, tokens }) {
  if (!cases.length) throw new Error('no case to triage');
  if (!tokens.length) throw new Error('no user token');
  // One counter per list, so every case and every user comes round in turn whatever the mix.
  const counters = new Map();
  const pick = (list) => {
    const n = counters.get(list) ?? 0;
    counters.set(list, n + 1);
    return list[n % list.length];
  };
  let written = 0;
  const headers = (token) => ({ 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` });
  const build = {
    triage: (request, context) => {
      context.key = null;
      return { ...request, headers: headers(pick(tokens)), body: JSON.stringify({ query: TRIAGE, variables: { id: pick(cases) } }) };
    },
    cases: (request, context) => {
      context.key = null;
      return { ...request, headers: headers(pick(tokens)), body: JSON.stringify({ query: CASES }) };
    },
    write: (request, context) => {
      const n = written++;
      context.key = `load-${runId}-${n}`;
      return { ...request, headers: headers(pick(tokens)), body: JSON.stringify({ query: RECEIVE, variables: { input: referral(n), key: context.key } }) };
    },
  };
  return sequence(mix).map((kind) => ({
    kind,
    method: 'POST',
    path: '/graphql',
    setupRequest: build[kind],
    onResponse: (status, body, context) => {
      context.last = { kind, key: context.key, ...classify(kind, status, body) };
    },
  }));
}

module.exports = { TRIAGE, CASES, RECEIVE, KINDS, EXPECTED_DENIAL, parseMix, sequence, classify, denialRule, referral, familyName, requestsFor };
