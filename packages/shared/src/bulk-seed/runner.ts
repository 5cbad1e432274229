import type { DataSource, QueryRunner } from 'typeorm';
import { INWARD_LETTERS, STREETS } from '../synthetic/places';
import { generatePopulation } from '../synthetic/population';
import type { AgencyName } from '../synthetic/types';
import { BULK_REFERENCE_DATE, digit, FILLER_FEMALE_NAMES, FILLER_MALE_NAMES, FILLER_OUTWARD_CODES, FILLER_SURNAMES, sqlArray, sqlDraw, sqlPick, type BulkSeedOptions, type BulkSeedResult } from './sql';

/** What one agency's bulk seed inserts; `runBulkSeed` does the rest. */
export interface BulkSeedPlan {
  agency: AgencyName;
  /** `SELECT count(*) FROM <table> WHERE <fillerWhere>` counts the filler people already there. */
  personTable: string;
  fillerWhere: string;
  /** Birth dates of the agency's filler people (inclusive); default 1930-01-01 to 2025-12-31. */
  born?: { from: string; to: string };
  /** One column of NHS numbers real (non-filler) records hold, which filler people must not reuse. */
  heldNhsNumbersSql?: string;
  /**
   * Inserts filler people `from`..`to` and their related records from the temporary table
   * `bulk_person` (columns below), inside the batch's transaction.
   */
  insertBatch(query: (sql: string, params?: unknown[]) => Promise<unknown>, from: number, to: number): Promise<void>;
  /** Every table the plan writes, vacuumed and analysed at the end. */
  tables: readonly string[];
}

/**
 * Columns of `bulk_person`: i, given_name, family_name, female, date_of_birth, age (completed years
 * on BULK_REFERENCE_DATE), postcode, outward, town, address_line, uprn (12 digits), nhs_number
 * (null past the 999 range, or where the regular population or a real record holds that number),
 * and four independent draws ra..rd in [0, 2^31) for the agency's own choices.
 */
const PERSON_TABLE = `
CREATE TEMP TABLE IF NOT EXISTS bulk_person (
  i int PRIMARY KEY, given_name text NOT NULL, family_name text NOT NULL, female boolean NOT NULL, date_of_birth date NOT NULL,
  age int NOT NULL, postcode text NOT NULL, outward text NOT NULL, town text NOT NULL, address_line text NOT NULL,
  uprn text NOT NULL, nhs_number text, ra bigint NOT NULL, rb bigint NOT NULL, rc bigint NOT NULL, rd bigint NOT NULL
) ON COMMIT DELETE ROWS`;

function personInsert(born: { from: string; to: string }): string {
  const n = FILLER_OUTWARD_CODES.length;
  const place = sqlDraw('g.i', 15) + ` % ${n * 10 * INWARD_LETTERS.length ** 2}`;
  const letter = (divisor: number) => `substr('${INWARD_LETTERS}', (1 + (pc / ${divisor}) % ${INWARD_LETTERS.length})::int, 1)`;
  return `
INSERT INTO bulk_person
SELECT i, given_name, family_name, female, date_of_birth,
  date_part('year', age(DATE '${BULK_REFERENCE_DATE}', date_of_birth))::int,
  postcode, outward, town, (1 + house) || ' ' || ${sqlPick(STREETS, 'pc')} || ', ' || town, '2000' || lpad(i::text, 8, '0'),
  nhs_number, ra, rb, rc, rd
FROM (
  SELECT g.i, g.female,
    CASE WHEN g.female THEN ${sqlPick(FILLER_FEMALE_NAMES, sqlDraw('g.i', 12))} ELSE ${sqlPick(FILLER_MALE_NAMES, sqlDraw('g.i', 12))} END AS given_name,
    ${sqlPick(FILLER_SURNAMES, sqlDraw('g.i', 13))} AS family_name,
    DATE '${born.from}' + (${sqlDraw('g.i', 14)} % (DATE '${born.to}' - DATE '${born.from}' + 1))::int AS date_of_birth,
    o.outward, o.town, pc, ${sqlDraw('g.i', 16)} % 180 AS house,
    o.outward || ' ' || (pc / ${n}) % 10 || ${letter(n * 10)} || ${letter(n * 10 * INWARD_LETTERS.length)} AS postcode,
    s.nhs_number, ${[1, 2, 3, 4].map((k) => `${sqlDraw('g.i', k)} AS r${'abcd'[k - 1]}`).join(', ')}
  FROM (SELECT i, ${sqlDraw('i', 11)} % 2 = 1 AS female, ${place} AS pc FROM generate_series($1::int, $2::int) AS g(i)) g
  JOIN (SELECT * FROM unnest(${sqlArray(FILLER_OUTWARD_CODES.map(([o]) => o))}, ${sqlArray(FILLER_OUTWARD_CODES.map(([, t]) => t))})
    WITH ORDINALITY AS x(outward, town, k)) o ON o.k = 1 + g.pc % ${n}
  LEFT JOIN bulk_nhs s ON s.n = g.i
) p`;
}

/**
 * The n-th valid NHS number of the 999 test range (DOMAIN.md 0.1: stems whose check would be 10
 * are never issued), for n in from..to: about 909,000 exist, so people past that have none.
 */
const NHS_NUMBERS = `
INSERT INTO bulk_nhs
SELECT n, nhs_number FROM (
  SELECT row_number() OVER (ORDER BY s)::int AS n, (999000000 + s)::text || check_digit AS nhs_number
  FROM (
    SELECT s, (11 - (243 + ${[7, 6, 5, 4, 3, 2].map((w, k) => `${digit('s', 5 - k)} * ${w}`).join(' + ')}) % 11) % 11 AS check_digit
    FROM generate_series(0, $1::int) AS g(s)
  ) stems WHERE check_digit <> 10
) numbered WHERE n BETWEEN $2::int AND $3::int`;

function populationNhsNumbers(people: number): string[] {
  return generatePopulation({ people }).people.map((person) => person.nhsNumber).filter((n): n is string => n !== null);
}

/**
 * Session settings for the load. A seed lost to a crash is simply rerun, so commits need not wait
 * for the WAL flush. (A larger GIN pending list or work_mem measured slower: the keys are nearly all
 * distinct, so merging them in memory saves nothing.)
 */
const SESSION: readonly (readonly [string, string])[] = [
  ['synchronous_commit', 'off'], ['maintenance_work_mem', '256MB'],
  // A batch of bulk_person (about 20 MB per 100,000 people) stays in memory; Postgres refuses to
  // change this once the session has used a temporary table, hence set first and never reset.
  ['temp_buffers', '64MB'],
];

/**
 * Tops the agency's filler population up to `options.people`: counts the filler people present,
 * inserts the rest batch by batch (each batch one transaction), then VACUUM ANALYZE. Idempotent.
 */
export async function runBulkSeed(dataSource: DataSource, options: BulkSeedOptions, plan: BulkSeedPlan): Promise<BulkSeedResult> {
  const started = process.hrtime.bigint();
  if (!Number.isInteger(options.people) || options.people < 0) throw new RangeError(`people must be a whole number; got ${options.people}`);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const query = (sql: string, params?: unknown[]) => runner.query(sql, params);
  try {
    const [{ n: existing }] = await query(`SELECT count(*)::int AS n FROM ${plan.personTable} WHERE ${plan.fillerWhere}`);
    if (options.people > existing) {
      await insertFiller(runner, plan, existing + 1, options.people, options);
      // Fresh statistics (and a visibility map, for index-only scans) before anyone measures.
      for (const table of plan.tables) await query(`VACUUM (ANALYZE) ${table}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { added: Math.max(0, options.people - existing), total: Math.max(existing, options.people), seconds: Math.round(seconds * 100) / 100 };
  } finally {
    await runner.release();
  }
}

async function insertFiller(runner: QueryRunner, plan: BulkSeedPlan, from: number, to: number, options: BulkSeedOptions): Promise<void> {
  const query = (sql: string, params?: unknown[]) => runner.query(sql, params);
  for (const [name, value] of SESSION) {
    await query(`SET ${name} = '${value}'`).catch((error: unknown) => {
      if (name !== 'temp_buffers') throw error;
    });
  }
  try {
    await prepareNhsNumbers(runner, plan, from, to, options.seedPeople ?? 2000);
    await query(PERSON_TABLE);
    const insertPeople = personInsert(plan.born ?? { from: '1930-01-01', to: '2025-12-31' });
    const batchSize = options.batchSize ?? 100_000;
    for (let start = from; start <= to; start += batchSize) {
      const end = Math.min(start + batchSize - 1, to);
      await runner.startTransaction();
      try {
        await query(insertPeople, [start, end]);
        await plan.insertBatch(query, start, end);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    }
  } finally {
    // The connection goes back to the pool: leave it as it was found.
    await query('DROP TABLE IF EXISTS bulk_person; DROP TABLE IF EXISTS bulk_nhs');
    for (const [name] of SESSION) if (name !== 'temp_buffers') await query(`RESET ${name}`);
  }
}

async function prepareNhsNumbers(runner: QueryRunner, plan: BulkSeedPlan, from: number, to: number, seedPeople: number): Promise<void> {
  await runner.query('CREATE TEMP TABLE IF NOT EXISTS bulk_nhs (n int PRIMARY KEY, nhs_number text)');
  await runner.query('TRUNCATE bulk_nhs');
  // About 10 stems in 11 are valid: scan a little past to * 11/10 (the range ends at stem 999999).
  await runner.query(NHS_NUMBERS, [Math.min(999_999, Math.ceil(to * 1.1) + 1000), from, to]);
  await runner.query('UPDATE bulk_nhs SET nhs_number = NULL WHERE nhs_number = ANY($1::text[])', [populationNhsNumbers(seedPeople)]);
  if (plan.heldNhsNumbersSql) {
    await runner.query(`UPDATE bulk_nhs b SET nhs_number = NULL FROM (${plan.heldNhsNumbersSql}) held(nhs_number) WHERE held.nhs_number = b.nhs_number`);
  }
}
