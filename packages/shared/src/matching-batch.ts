import { classify, recordBlockingKeys, scorePair, subjectBlockingKeys } from './matching';
import { inMatchingPass } from './matching/pass-memo';
import type { Classification, MatchThresholds, PairScore, PersonFacts } from './matching/types';

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
  return inMatchingPass(() => matchEach(subjects, candidates, facts, thresholds, options));
}

function matchEach<R>(
  subjects: readonly PersonFacts[],
  candidates: readonly R[],
  facts: (record: R) => PersonFacts | PersonFacts[],
  thresholds: MatchThresholds | undefined,
  options: MatchBatchOptions<R>,
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

/** The record's best identity; a name other than its first (an alias, a former or preferred name) says so. */
function best(scores: PairScore[]): PairScore {
  let top = 0;
  scores.forEach((score, index) => {
    if (score.weight > scores[top].weight) top = index;
  });
  const chosen = scores[top];
  return top === 0 ? chosen : { ...chosen, matchedOn: [...chosen.matchedOn, 'OTHER_NAME_ON_RECORD'] };
}
