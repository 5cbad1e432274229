import type { ClassType } from 'type-graphql';
import type { Associate, Flag } from '../envelope';
import type { MatchStatus, PersonFacts } from '../matching/types';
import type { AgencyName, Population } from '../synthetic/types';
import type { ConformanceFixture } from './conformance-fixture';
import type { DisclosureRules } from './obligations';
import type { AgencyStore } from './store';

/**
 * What the shared pipeline needs from a candidate: its id (the agency's record id, the one a
 * disclosure-log row names) and its blocking keys that the query asked for
 * (`requestedBlockingKeys`), so the per-subject filter is exactly the candidate query's condition.
 */
export interface CandidateRow {
  id: string;
  blockingKeys: readonly string[];
}

/**
 * The candidate query's `blockingKeys` column: of the keys stored in `column`, those the query
 * asked for (`$1`, the union of the batch's subjects' keys). That is all the per-subject filter
 * reads, since a subject's keys are among them, and it is one or two keys a row instead of the
 * dozen a record stores: with 70 candidates (education at 1,000,000 people) reading and parsing
 * every stored key cost the agency about 0.3 ms of CPU per fetch (2026-12-03, alternating builds).
 */
export function requestedBlockingKeys(column: string): string {
  return `ARRAY(SELECT k FROM unnest(${column}) AS k WHERE k = ANY($1::text[])) AS "blockingKeys"`;
}

/** What every record-level step is given: the day "today" is for this request, and the grant's rules. */
export interface RecordContext {
  /** ISO date the 12-month windows and ages count back from. */
  asOf: string;
  /** The obligations of the grant, as rules the agency applies to what it discloses. */
  disclose: DisclosureRules;
}

/** What a flag function sees for one subject. */
export interface FlagInput<F, R = unknown> {
  status: Exclude<MatchStatus, 'AMBIGUOUS'>;
  /** The subject as the hub gave it, identifiers normalised. */
  subject: PersonFacts;
  /** The matched record (MATCHED), else null (NOT_KNOWN: "not known to this agency" can be a finding). */
  record: F | null;
  /** What is disclosed of it (`toRecord`, obligations applied): flags never say more than this. */
  disclosed: R | null;
  context: RecordContext;
}

/** How the agency fills an empty database with its synthetic records. */
export interface AgencySeed {
  /** An entity whose table holding any row means "already seeded" (or a live database): left alone. */
  marker: Function;
  /** Deterministic rows for a population, parents first. Pure: tests inspect them without a database. */
  rows(population: Population): { entity: Function; rows: readonly object[] }[];
}

/**
 * One agency's own part of its subgraph; everything else (grant check, subject validation,
 * blocking, matching, batching, errors, obligations, disclosure log, configuration, start and
 * shutdown) is the shared pipeline's. An agency IT team putting its own system behind the
 * subgraph implements this interface over that system (docs/agency-guide.md).
 *
 * @typeParam C a candidate: the light facts matching needs
 * @typeParam F a full record: what the disclosed record and the flags are computed from
 * @typeParam R the GraphQL record type disclosed for a match
 */
export interface AgencyAdapter<C extends CandidateRow = CandidateRow, F = unknown, R extends object = object> {
  agency: AgencyName;
  /** Port used when `<AGENCY>_PORT` is not set: police 4001, social-care 4002, health 4003, education 4004. */
  defaultPort: number;
  /**
   * TypeORM entities (the shared `DisclosureLog` is added by the pipeline) and migrations, oldest
   * first, ending with `...AGENCY_KIT_MIGRATIONS` (the kit's own tables: grant_use, the disclosure
   * chain, audit_checkpoint).
   */
  entities: Function[];
  migrations: Function[];
  /** The GraphQL object type of one disclosed record (type-graphql class). */
  recordType: ClassType<R>;
  /** Description of the agency's field on `Subject`, for the triage officer reading the schema. */
  fieldDescription: string;
  /** Plain words for this agency's records in messages, e.g. "police records". */
  recordsNoun: string;
  /**
   * Every record sharing at least one of `keys`, and every record whose id is in `ids` (records a
   * triage officer confirmed), with its light facts, in ONE round trip
   * (`WHERE blocking_keys && $1::text[] OR id = ANY($2)`, a GIN and a primary-key index).
   */
  findCandidates(store: AgencyStore, keys: readonly string[], ids?: readonly string[]): Promise<C[]>;
  /** The facts a candidate is matched under: its recorded identity, then any aliases or other names. */
  identities(candidate: C): PersonFacts[];
  /** Full records of the matched candidates, by candidate id, in one round trip where possible. */
  loadRecords(store: AgencyStore, ids: readonly string[], context: RecordContext): Promise<Map<string, F>>;
  /** The record disclosed for a match, with the grant's obligations applied. */
  toRecord(record: F, context: RecordContext): R;
  /**
   * Identity only, for a possible (AMBIGUOUS) match: no history until a practitioner confirms who
   * it is (DPA 2018 s37: not excessive; another person's history must not colour this one's).
   */
  identityRecord(candidate: C): R;
  /**
   * The other people the agency links to each matched record (same address, same incident,
   * family, contacts), by record id: minimal identity only (record id, name, date of birth, how
   * linked). Called only when a request asks for `associates`, after `loadRecords`, in one round
   * trip where possible; every associate returned is written to the disclosure log.
   */
  loadAssociates(store: AgencyStore, records: ReadonlyMap<string, F>, context: RecordContext): Promise<Map<string, Associate[]>>;
  /** Triangulation findings for a matched or not-known subject. Give each a `date` where one event stands behind it. */
  flags(input: FlagInput<F, R>): Flag[];
  seed: AgencySeed;
  /** How the conformance suite's test people are written into this agency's own tables. */
  conformance: ConformanceFixture;
}
