import { backfillColumn } from '../matching-batch';
import { normaliseName } from '../matching/normalise';

type Runner = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

/** An agency's person table as its blocking-key migrations see it. */
export interface PersonTable<Row extends { id: string }> {
  table: string;
  id: string;
  idType: 'uuid' | 'varchar';
  /**
   * The facts a row's keys are computed from, one page in id order: `$1` the last id seen (null at
   * first), `$2` the page size; every row carries `id`.
   */
  factsPage: string;
  keys(row: Row): string[];
}

/**
 * Adds the GIN-indexed `blocking_keys text[]` (the shared blocking-key contract) and fills it for
 * the rows already there, so a database seeded before the column existed still matches.
 */
export async function addBlockingKeys<Row extends { id: string }>(runner: Runner, person: PersonTable<Row>): Promise<void> {
  const { table } = person;
  await runner.query(`ALTER TABLE ${table} ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}'`);
  // Indexed before the backfill: updating an indexed column makes no HOT chains, which would
  // otherwise keep a new index unusable to transactions older than it (pg_index.indcheckxmin).
  await runner.query(`CREATE INDEX idx_${table}_blocking_keys ON ${table} USING gin (blocking_keys)`);
  // Keys are rare (a handful of rows each): with the default statistics target ANALYZE keeps no
  // element frequencies for them, and the planner then guesses 0.5% of the table per key.
  await runner.query(`ALTER TABLE ${table} ALTER COLUMN blocking_keys SET STATISTICS 1000`);
  await recomputeBlockingKeys(runner, person);
}

/** Recomputes every row's `blocking_keys`: what a change of the key contract needs. */
export async function recomputeBlockingKeys<Row extends { id: string }>(runner: Runner, person: PersonTable<Row>): Promise<number> {
  return backfillColumn<Row>(runner, {
    table: person.table,
    id: person.id,
    idType: person.idType,
    column: 'blocking_keys',
    columnType: 'text[]',
    selectPage: person.factsPage,
    value: person.keys,
  });
}

export async function dropBlockingKeys(runner: Runner, table: string): Promise<void> {
  await runner.query(`DROP INDEX idx_${table}_blocking_keys`);
  await runner.query(`ALTER TABLE ${table} DROP COLUMN blocking_keys`);
}

/** The single `family_name|year` key the first schema blocked on, which `blocking_keys` replaced. */
export interface FamilyNameYear {
  table: string;
  id: string;
  idType: 'uuid' | 'varchar';
  length: number;
  /** False where a person may have no date of birth (an unborn child in social care). */
  notNull: boolean;
}

export async function dropFamilyNameYear(runner: Runner, table: string): Promise<void> {
  await runner.query(`DROP INDEX idx_${table}_family_name_year`);
  await runner.query(`ALTER TABLE ${table} DROP COLUMN family_name_year`);
}

export async function restoreFamilyNameYear(runner: Runner, column: FamilyNameYear): Promise<void> {
  const { table, id, idType } = column;
  await runner.query(`ALTER TABLE ${table} ADD COLUMN family_name_year varchar(${column.length})`);
  await runner.query(`CREATE INDEX idx_${table}_family_name_year ON ${table} (family_name_year)`);
  await backfillColumn<{ id: string; familyName: string; dateOfBirth: string | null }>(runner, {
    table,
    id,
    idType,
    column: 'family_name_year',
    columnType: 'varchar',
    selectPage: `
SELECT ${id} AS id, family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM ${table} WHERE $1::${idType} IS NULL OR ${id} > $1::${idType} ORDER BY ${id} LIMIT $2`,
    value: (row) => (row.dateOfBirth ? `${normaliseName(row.familyName)}|${row.dateOfBirth.slice(0, 4)}` : null),
  });
  if (column.notNull) await runner.query(`ALTER TABLE ${table} ALTER COLUMN family_name_year SET NOT NULL`);
}
