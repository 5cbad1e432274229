import { randomUUID } from 'node:crypto';
import { canonicalHash, canonicalJson } from '@mash/shared';
import { AuditDecision, AuditKind, type AuditEntry } from './audit-entry.entity';

/** The prev_hash of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller tells the log; the log adds the id, the time and the chain links. */
export interface AuditEntryInput {
  kind: AuditKind;
  decision: AuditDecision;
  /** The user's id (a JWT subject), or null for the system itself. Never a name. */
  actorId: string | null;
  actorRoles?: string[];
  organisation?: string | null;
  caseId?: string | null;
  subjectIds?: string[];
  agency?: string | null;
  fields?: string[];
  rule?: string | null;
  policyVersion?: string | null;
  /** Plain words; ids only, never names, dates of birth or addresses. */
  reason?: string | null;
  grantId?: string | null;
  requestId?: string | null;
  /**
   * What the decision was taken on, so it can be re-evaluated under another policy version (issue
   * 12, simulation): the purpose and the case's facts at that moment. Hub facts only, no personal data.
   */
  facts?: DecisionFacts | null;
}

/** The inputs of one agency-fetch decision beyond user, agency and time (which the entry holds). */
export interface DecisionFacts {
  purpose: string;
  case: {
    kind: 'REFERRAL' | 'INFORMATION_REQUEST';
    rag: 'RED' | 'AMBER' | 'GREEN' | null;
    status: 'OPEN' | 'CLOSED';
    /** ISO timestamp, or null. */
    closedAt: string | null;
    consentEarlyHelpSharing: boolean;
    ratingState: string | null;
  } | null;
  /** Field sensitivities released to this fetch (an allowed fetch under a policy with classificationAccess). */
  released?: string[];
  /** Requested field paths withheld from this fetch, with the level that withheld them. */
  withheld?: { field: string; level: string }[];
  /** ISO timestamp the decision was taken at (the entry's recordedAt is stamped a moment later). */
  decidedAt?: string;
}

/** Every column an entry's hash covers: all but `seq` (assigned by the database) and `hash`. */
export type ChainedContent = Omit<AuditEntry, 'seq' | 'hash'>;
export type UnchainedEntry = Omit<ChainedContent, 'prevHash'>;

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const KINDS = new Set<string>(Object.values(AuditKind));
const DECISIONS = new Set<string>(Object.values(AuditDecision));

/**
 * Fills the defaults and stamps id and time when the caller records the event (not when the batch
 * is written). Throws on what the table's checks would refuse, so one bad entry fails alone
 * instead of failing the batch it would have joined.
 */
export function prepareEntry(input: AuditEntryInput): UnchainedEntry {
  if (!KINDS.has(input.kind)) throw new TypeError(`audit entry kind "${input.kind}" is not one of ${[...KINDS].join(', ')}`);
  if (!DECISIONS.has(input.decision)) {
    throw new TypeError(`audit entry decision "${input.decision}" is not one of ${[...DECISIONS].join(', ')}`);
  }
  for (const [name, value] of Object.entries(input)) {
    if (name === 'facts') continue; // checked member by member by plainFacts
    // Postgres text cannot hold a lone UTF-16 surrogate (or NUL): it would store something other
    // than what was hashed, and the entry would later read as altered.
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === 'string' && UNSTORABLE.test(text))) {
      throw new TypeError(`audit entry ${name} holds a NUL or a lone surrogate, which the log cannot store faithfully`);
    }
  }
  return {
    id: randomUUID(),
    // Postgres keeps microseconds, a JS Date milliseconds: the value written is exactly the one hashed.
    recordedAt: new Date(),
    kind: input.kind,
    decision: input.decision,
    actorId: input.actorId ?? null,
    actorRoles: strings(input.actorRoles, 'actorRoles'),
    organisation: input.organisation ?? null,
    caseId: input.caseId ?? null,
    subjectIds: strings(input.subjectIds, 'subjectIds'),
    agency: input.agency ?? null,
    fields: strings(input.fields, 'fields'),
    rule: input.rule ?? null,
    policyVersion: input.policyVersion ?? null,
    reason: input.reason ?? null,
    grantId: input.grantId ?? null,
    requestId: input.requestId ?? null,
    facts: plainFacts(input.facts),
  };
}

/** Deepest nesting and largest canonical size a `facts` value may have: decision inputs are small. */
const FACTS_MAX_DEPTH = 16;
const FACTS_MAX_CHARS = 64 * 1024;

/**
 * A deep copy of `facts` as plain JSON (objects, arrays, strings, finite numbers, booleans, null),
 * or null. Anything else is refused rather than converted: a jsonb column hands back plain JSON,
 * and the entry must hash the same when read back as when written (a Date, a class instance or a
 * `toJSON` would be written one way and read another). Object properties that are undefined are
 * dropped, as JSON drops them; strings and keys are held to what Postgres stores faithfully.
 */
function plainFacts(facts: DecisionFacts | null | undefined): DecisionFacts | null {
  if (facts === undefined || facts === null) return null;
  if (typeof facts !== 'object' || Array.isArray(facts)) throw new TypeError('audit entry facts must be a JSON object or null');
  const copy = plainJson(facts, 'facts', 0) as DecisionFacts;
  if (canonicalJson(copy).length > FACTS_MAX_CHARS) throw new TypeError(`audit entry facts are larger than ${FACTS_MAX_CHARS} characters of JSON`);
  return copy;
}

function plainJson(value: unknown, path: string, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) throw new TypeError(`audit entry ${path} holds a NUL or a lone surrogate, which the log cannot store faithfully`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`audit entry ${path} is ${value}, which JSON cannot hold`);
    return value === 0 ? 0 : value; // -0 reads back as 0
  }
  if (depth >= FACTS_MAX_DEPTH) throw new TypeError(`audit entry ${path} nests deeper than ${FACTS_MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      if (item === undefined) throw new TypeError(`audit entry ${path}[${index}] is undefined, which JSON cannot hold`);
      return plainJson(item, `${path}[${index}]`, depth + 1);
    });
  }
  const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`audit entry ${path} is not plain JSON (a ${typeof value === 'object' ? (value as object).constructor?.name ?? 'object' : typeof value})`);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (UNSTORABLE.test(key)) throw new TypeError(`audit entry ${path} has a key holding a NUL or a lone surrogate`);
    if (member !== undefined) copy[key] = plainJson(member, `${path}.${key}`, depth + 1);
  }
  return copy;
}

function strings(list: string[] | undefined, name: string): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
    throw new TypeError(`audit entry ${name} must be a list of strings`);
  }
  return [...list];
}

/** The object an entry's hash is taken over, keyed by column name so any verifier can rebuild it. */
function hashedObject(entry: UnchainedEntry, prevHash: string): Record<string, unknown> {
  return {
    prev_hash: prevHash,
    id: entry.id,
    recorded_at: entry.recordedAt, // canonical JSON writes it as ISO with milliseconds
    kind: entry.kind,
    actor_id: entry.actorId,
    actor_roles: entry.actorRoles,
    organisation: entry.organisation,
    case_id: entry.caseId,
    subject_ids: entry.subjectIds,
    agency: entry.agency,
    fields: entry.fields,
    decision: entry.decision,
    rule: entry.rule,
    policy_version: entry.policyVersion,
    reason: entry.reason,
    grant_id: entry.grantId,
    request_id: entry.requestId,
    // Only when there are facts: entries written before the column existed (and entries that are
    // not decisions) hash exactly as they always did.
    ...(entry.facts === null || entry.facts === undefined ? {} : { facts: entry.facts }),
  };
}

/** sha256 over the canonical JSON of prev_hash and every content column. */
export function entryHash(entry: ChainedContent): string {
  return canonicalHash(hashedObject(entry, entry.prevHash));
}

const PLACEHOLDER = 'prev-hash-goes-here';
const KEY = '"prev_hash":"';

/**
 * The entry's canonical JSON cut where prev_hash's value goes, so the database can link it to the
 * head it reads under the chain lock without another round trip: for any 64-hex `prev`,
 * `before + prev + after` is exactly the canonical JSON `entryHash` hashes. The cut is the LAST
 * occurrence: `facts` (sorted before prev_hash) may nest an object with any key, but every member
 * sorted after prev_hash is text, null or a list of text, where canonical JSON escapes every quote.
 */
export function hashTemplate(entry: UnchainedEntry): { before: string; after: string } {
  const text = canonicalJson(hashedObject(entry, PLACEHOLDER));
  const at = text.lastIndexOf(`${KEY}${PLACEHOLDER}"`) + KEY.length;
  return { before: text.slice(0, at), after: text.slice(at + PLACEHOLDER.length) };
}
