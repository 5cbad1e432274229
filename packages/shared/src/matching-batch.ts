import type { DataSource } from 'typeorm';
import { decimal, envPrefix } from './config';
import { blockingKeys, classify, DEFAULT_THRESHOLDS, normaliseName, scorePair } from './matching';
import type { BlockingKeys, Classification, MatchThresholds, PersonFacts } from './matching/types';

/** Column names of an agency's person table that serve blocking; omit what the agency does not hold. */
export interface BlockingColumns {
  table: string;
  id: string;
  nhsNumber?: string;
  upn?: string;
  pncId?: string;
  dateOfBirth: string;
  postcode: string;
  /** Normalised family name and birth year, `"smith|2015"` (see `familyNameYearKey`). */
  familyNameYear: string;
}

/** Union of the blocking keys of every subject in one fetch: one candidate query per agency fetch. */
export function mergeBlockingKeys(subjects: PersonFacts[]): BlockingKeys {
  const merged: Record<keyof BlockingKeys, Set<string>> = {
    nhsNumbers: new Set(), upns: new Set(), pncIds: new Set(), datesOfBirth: new Set(), postcodes: new Set(), familyNameYears: new Set(),
  };
  for (const subject of subjects) {
    const keys = blockingKeys(subject);
    for (const name of Object.keys(merged) as (keyof BlockingKeys)[]) keys[name].forEach((key) => merged[name].add(key));
  }
  return Object.fromEntries(Object.entries(merged).map(([name, set]) => [name, [...set]])) as unknown as BlockingKeys;
}

/**
 * Ids of every record sharing any blocking key with any subject. Each branch is an equality on an
 * indexed column, so Postgres answers with a bitmap OR of index scans, never a sequential scan.
 */
export async function selectCandidateIds(dataSource: DataSource, columns: BlockingColumns, keys: BlockingKeys): Promise<string[]> {
  const branches: string[] = [];
  const params: unknown[] = [];
  const add = (column: string | undefined, values: string[], cast = 'text[]') => {
    if (!column || values.length === 0) return;
    params.push(values);
    branches.push(`${column} = ANY($${params.length}::${cast})`);
  };
  add(columns.nhsNumber, keys.nhsNumbers);
  add(columns.upn, keys.upns);
  add(columns.pncId, keys.pncIds);
  add(columns.dateOfBirth, keys.datesOfBirth, 'date[]');
  add(columns.postcode, keys.postcodes);
  add(columns.familyNameYear, keys.familyNameYears);
  if (branches.length === 0) return [];
  const rows: { id: string }[] = await dataSource.query(
    `SELECT ${columns.id}::text AS id FROM ${columns.table} WHERE ${branches.join(' OR ')}`,
    params,
  );
  return rows.map((row) => row.id);
}

/** Scores every candidate against every subject and classifies each subject's candidates. */
export function matchBatch<R>(
  subjects: PersonFacts[],
  candidates: R[],
  facts: (record: R) => PersonFacts,
  thresholds?: MatchThresholds,
): Classification<R>[] {
  const candidateFacts = candidates.map((record) => ({ record, facts: facts(record) }));
  return subjects.map((subject) =>
    classify(
      candidateFacts.map(({ record, facts: candidate }) => ({ record, score: scorePair(subject, candidate) })),
      thresholds,
    ),
  );
}

/** The key stored in an agency's `family_name_year` column; must agree with `blockingKeys`. */
export function familyNameYearKey(familyName: string, dateOfBirth: string): string {
  return `${normaliseName(familyName)}|${dateOfBirth.slice(0, 4)}`;
}

/** Match thresholds for an agency: `<AGENCY>_MATCH_THRESHOLD` and `<AGENCY>_POSSIBLE_THRESHOLD`. */
export function matchThresholdsFromEnv(agency: string, env: NodeJS.ProcessEnv = process.env): MatchThresholds {
  const prefix = envPrefix(agency);
  return {
    match: decimal(`${prefix}_MATCH_THRESHOLD`, DEFAULT_THRESHOLDS.match, env),
    possible: decimal(`${prefix}_POSSIBLE_THRESHOLD`, DEFAULT_THRESHOLDS.possible, env),
  };
}
