import type { DataSource } from 'typeorm';
import { ConfigError, decimal, envPrefix } from './config';
import { blockingKeys, classify, DEFAULT_THRESHOLDS, normaliseName, scorePair } from './matching';
import type { BlockingKeys, Classification, MatchThresholds, PairScore, PersonFacts } from './matching/types';

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

/**
 * Matches each subject against the batch's candidates that share one of its own blocking keys (so
 * a subject's answer never depends on who else is in the batch). A record may give several sets of
 * facts (its aliases, a preferred surname): it scores as the best of them.
 */
export function matchBatch<R>(
  subjects: PersonFacts[],
  candidates: R[],
  facts: (record: R) => PersonFacts | PersonFacts[],
  thresholds?: MatchThresholds,
): Classification<R>[] {
  const candidateFacts = candidates.map((record) => {
    const all = [facts(record)].flat();
    return { record, all, keys: new Set(all.flatMap((one) => keyList(blockingKeys(one)))) };
  });
  return subjects.map((subject) => {
    const subjectKeys = keyList(blockingKeys(subject));
    const scored = candidateFacts
      .filter(({ keys }) => subjectKeys.some((key) => keys.has(key)))
      .map(({ record, all }) => ({ record, score: best(all.map((one) => scorePair(subject, one))) }));
    return classify(scored, thresholds);
  });
}

function keyList(keys: BlockingKeys): string[] {
  return (Object.keys(keys) as (keyof BlockingKeys)[]).flatMap((name) => keys[name].map((key) => `${name}:${key}`));
}

function best(scores: PairScore[]): PairScore {
  return scores.reduce((top, score) => (score.confidence > top.confidence ? score : top));
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
