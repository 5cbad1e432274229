import type { DataSource } from 'typeorm';
import { ConfigError, decimal, envPrefix } from './config';
import { classify, DEFAULT_THRESHOLDS, recordBlockingKeys, scorePair, subjectBlockingKeys } from './matching';
import type { Classification, MatchThresholds, PairScore, PersonFacts } from './matching/types';

/** An agency's person table and its `blocking_keys text[]` column (GIN-indexed). */
export interface CandidateTable {
  table: string;
  id: string;
  blockingKeys: string;
}

/**
 * Ids of every record sharing any of `keys` (the union of a batch's `subjectBlockingKeys`): one
 * array-overlap predicate, which the GIN index on the column answers with a bitmap index scan.
 */
export async function selectCandidateIds(dataSource: DataSource, columns: CandidateTable, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows: { id: string }[] = await dataSource.query(
    `SELECT ${columns.id}::text AS id FROM ${columns.table} WHERE ${columns.blockingKeys} && $1::text[]`,
    [[...new Set(keys)]],
  );
  return rows.map((row) => row.id);
}

/** What a migration needs to fill a computed column for rows written before the column existed. */
export interface ColumnBackfill<Row extends { id: string }> {
  table: string;
  id: string;
  /** The id column's SQL type, so each page's update joins on the primary key index. */
  idType: 'uuid' | 'varchar';
  column: string;
  /** `text[]` for `blocking_keys`; `varchar` for a scalar key. */
  columnType: 'text[]' | 'varchar';
  /** One page in id order: `$1` the last id seen (null at first), `$2` the page size; rows carry `id`. */
  selectPage: string;
  value: (row: Row) => string[] | string | null;
  pageSize?: number;
}

/**
 * Computes and stores a column's value for every existing row, a page at a time (keyset pagination
 * on the primary key, one UPDATE per page), e.g. `blocking_keys` from `recordBlockingKeys`.
 */
export async function backfillColumn<Row extends { id: string }>(
  runner: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  backfill: ColumnBackfill<Row>,
): Promise<number> {
  const { table, id, idType, column, columnType, selectPage, value, pageSize = 2000 } = backfill;
  const assigned = columnType === 'text[]' ? 'ARRAY(SELECT json_array_elements_text(v.value))' : "v.value #>> '{}'";
  let last: string | null = null;
  let updated = 0;
  for (;;) {
    const rows = (await runner.query(selectPage, [last, pageSize])) as Row[];
    if (rows.length === 0) return updated;
    await runner.query(
      `UPDATE ${table} AS t SET ${column} = ${assigned}
       FROM json_to_recordset($1::json) AS v(id ${idType}, value json) WHERE t.${id} = v.id`,
      [JSON.stringify(rows.map((row) => ({ id: row.id, value: value(row) })))],
    );
    updated += rows.length;
    last = rows[rows.length - 1].id;
  }
}

/** The union of the subjects' keys: what one candidate query for the whole batch asks for. */
export function batchBlockingKeys(subjects: readonly PersonFacts[]): string[] {
  return [...new Set(subjects.flatMap(subjectBlockingKeys))];
}

export interface MatchBatchOptions<R> {
  /**
   * The record's keys as stored in its `blocking_keys` column (default: recomputed from `facts`).
   * Pass the stored ones so the per-subject filter is exactly the candidate query's condition.
   */
  keys?: (record: R) => readonly string[];
}

/**
 * Matches each subject against the batch's candidates that share one of its own blocking keys (so
 * a subject's answer never depends on who else is in the batch). A record may give several sets of
 * facts (its aliases, a preferred surname): it scores as the best of them.
 */
export function matchBatch<R>(
  subjects: readonly PersonFacts[],
  candidates: readonly R[],
  facts: (record: R) => PersonFacts | PersonFacts[],
  thresholds?: MatchThresholds,
  options: MatchBatchOptions<R> = {},
): Classification<R>[] {
  const candidateFacts = candidates.map((record) => {
    const all = [facts(record)].flat();
    return { record, all, keys: new Set(options.keys ? options.keys(record) : recordBlockingKeys(all)) };
  });
  return subjects.map((subject) => {
    const subjectKeys = subjectBlockingKeys(subject);
    const scored = candidateFacts
      .filter(({ keys }) => subjectKeys.some((key) => keys.has(key)))
      .map(({ record, all }) => ({ record, score: best(all.map((one) => scorePair(subject, one))) }));
    return classify(scored, thresholds);
  });
}

function best(scores: PairScore[]): PairScore {
  return scores.reduce((top, score) => (score.confidence > top.confidence ? score : top));
}

/** Match thresholds for an agency: `<AGENCY>_MATCH_THRESHOLD` and `<AGENCY>_POSSIBLE_THRESHOLD`. */
export function matchThresholdsFromEnv(agency: string, env: NodeJS.ProcessEnv = process.env): MatchThresholds {
  const prefix = envPrefix(agency);
  return {
    match: decimal(`${prefix}_MATCH_THRESHOLD`, DEFAULT_THRESHOLDS.match, env),
    possible: decimal(`${prefix}_POSSIBLE_THRESHOLD`, DEFAULT_THRESHOLDS.possible, env),
  };
}

/**
 * "Today" for 12-month windows and ages: `MASH_REFERENCE_DATE` (YYYY-MM-DD) when set, so demo
 * data and tests stay stable; otherwise the real date.
 */
export function referenceDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.MASH_REFERENCE_DATE?.trim();
  if (!raw) return new Date();
  const date = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(date.getTime())) throw new ConfigError(`MASH_REFERENCE_DATE must be YYYY-MM-DD, got "${raw}"`);
  return date;
}
