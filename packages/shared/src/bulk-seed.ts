import type { DataSource, QueryRunner } from 'typeorm';
import { envPrefix, integer, optionalString } from './config';
import { ensureServerDatabase, openDatabase } from './database';
import type { AgencyDefinition } from './agency-service';
import { compareFamilyName } from './matching/compare';
import { DEFAULT_MATCH_MODEL } from './matching/model';
import { DEMO_SURNAMES } from './synthetic/demo';
import { FEMALE_NAMES, HERITAGE_NAMES, MALE_NAMES } from './synthetic/given-names';
import { INWARD_LETTERS, STREETS } from './synthetic/places';
import { DEFAULT_POPULATION_OPTIONS, generatePopulation } from './synthetic/population';
import { ALL_SURNAMES } from './synthetic/surnames';
import type { AgencyName } from './synthetic/types';

// Filler people for scale benchmarks: set-based SQL (INSERT ... SELECT over generate_series), so a
// million people per agency go in within about a minute. Every value is a pure function of the
// person's index `i` (through Postgres's stable `hashint8extended`), so reruns are identical and
// police, social care and health agree on who filler person i is (same name, birth date, NHS number).

/** "Today" for ages and event dates: the synthetic population's reference date. */
export const BULK_REFERENCE_DATE = DEFAULT_POPULATION_OPTIONS.referenceDate;

export interface BulkSeedOptions {
  /** Filler people wanted in the agency (on top of the regular demo seed). */
  people: number;
  /** People per transaction; default 100,000. */
  batchSize?: number;
  /**
   * Size of the regular seed's population (default 2000; a smaller population is a prefix of a
   * larger one): filler people never reuse its NHS numbers, so no referral subject from it can
   * meet a stranger's record by identifier in another agency.
   */
  seedPeople?: number;
}

export interface BulkSeedResult {
  /** Filler people inserted by this call (0 when already there). */
  added: number;
  /** Filler people now present. */
  total: number;
  seconds: number;
}

/**
 * Outward codes no regular seed uses (`OUTWARD_CODES` are the population's), so a filler person
 * never shares a full or outward postcode with a demo subject and cannot raise a demo match to
 * AMBIGUOUS. Towns near Warwickshire's edges; 10 x 10 x 400 = 40,000 postcodes, 25 people each at 1M.
 */
export const FILLER_OUTWARD_CODES: readonly (readonly [outward: string, town: string])[] = [
  ['CV47', 'Southam'], ['CV36', 'Shipston-on-Stour'], ['CV8', 'Kenilworth'], ['CV7', 'Meriden'], ['B95', 'Henley-in-Arden'],
  ['B79', 'Tamworth'], ['OX15', 'Banbury'], ['GL56', 'Moreton-in-Marsh'], ['LE10', 'Hinckley'], ['NN11', 'Daventry'],
];

// Plain ASCII letters only, so SQL lower() agrees with normaliseName (blocking keys are built in SQL).
const ascii = (names: readonly string[]): string[] => [...new Set(names.filter((name) => /^[A-Za-z]+$/.test(name)))];
const demoSurnames = Object.values(DEMO_SURNAMES);

/** Surnames that cannot agree with a demo surname at any level (exact, partial or fuzzy). */
export const FILLER_SURNAMES: readonly string[] = ascii(ALL_SURNAMES).filter((name) =>
  demoSurnames.every((demo) => compareFamilyName(name, demo, DEFAULT_MATCH_MODEL.fuzzyThreshold) === 'disagree'));
export const FILLER_MALE_NAMES: readonly string[] = ascii([...MALE_NAMES, ...Object.values(HERITAGE_NAMES).flatMap((h) => h.male)]);
export const FILLER_FEMALE_NAMES: readonly string[] = ascii([...FEMALE_NAMES, ...Object.values(HERITAGE_NAMES).flatMap((h) => h.female)]);

/** A SQL string literal (the values here are our own constants; quoting keeps them safe anyway). */
export const sqlText = (value: string): string => `'${value.replace(/'/g, "''")}'`;
export const sqlArray = (values: readonly string[]): string => `ARRAY[${values.map(sqlText).join(', ')}]::text[]`;
/** `values[draw mod n]` as SQL; `draw` a non-negative integer expression. */
export const sqlPick = (values: readonly string[], draw: string): string => `(${sqlArray(values)})[(1 + (${draw}) % ${values.length})::int]`;

/** A non-negative 31-bit draw for index `i` from stream `stream`: stable across runs and servers. */
export const sqlDraw = (i: string, stream: number): string => `(hashint8extended((${i})::bigint, ${stream}) & 2147483647)`;

/**
 * Deterministic UUID of filler row `i` of one kind (0 = the person, others per agency), so
 * related rows reference their person without a join, and filler rows are found by key range.
 */
export const sqlFillerUuid = (kind: number, i: string): string =>
  `('b${kind.toString(16).padStart(7, '0')}-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
export const fillerUuidBounds = (kind: number): [string, string] => {
  const prefix = `b${kind.toString(16).padStart(7, '0')}-0000-4000-8000-`;
  return [`${prefix}000000000000`, `${prefix}ffffffffffff`];
};

/** `YYYY-MM-DD` of a date expression, as blocking keys write dates. */
const isoDate = (date: string): string => `to_char(${date}, 'YYYY-MM-DD')`;

/** Digit `k` (0 = units) of an integer expression. */
const digit = (value: string, k: number): string => `((${value}) / ${10 ** k} % 10)`;

/**
 * UPN (DOMAIN.md 0.2) for LA 937: check letter over characters 2-13 with weights 2..13, sum mod 23
 * into `ABCDEFGHJKLMNPQRTUVWXYZ`. `estab` 4 digits, `yy` 2, `serial` 3 (integer expressions).
 */
export function sqlUpn(estab: string, yy: string, serial: string): string {
  const la = 9 * 2 + 3 * 3 + 7 * 4;
  const sum = [
    `${la}`, `${digit(estab, 3)} * 5`, `${digit(estab, 2)} * 6`, `${digit(estab, 1)} * 7`, `${digit(estab, 0)} * 8`,
    `${digit(yy, 1)} * 9`, `${digit(yy, 0)} * 10`, `${digit(serial, 2)} * 11`, `${digit(serial, 1)} * 12`, `${digit(serial, 0)} * 13`,
  ].join(' + ');
  return `(substr('ABCDEFGHJKLMNPQRTUVWXYZ', (1 + (${sum}) % 23)::int, 1) || '937' || lpad((${estab})::text, 4, '0')` +
    ` || lpad((${yy})::text, 2, '0') || lpad((${serial})::text, 3, '0'))`;
}

/** PNC ID `YYYY/NNNNNNNC` (DOMAIN.md 0.3): (YY * 10^7 + serial) mod 23 into `ZABCDEFGHJKLMNPQRTUVWXY`. */
export function sqlPncId(year: string, serial: string): string {
  return `((${year})::text || '/' || lpad((${serial})::text, 7, '0')` +
    ` || substr('ZABCDEFGHJKLMNPQRTUVWXY', (1 + (((${year}) % 100)::bigint * 10000000 + (${serial})) % 23)::int, 1))`;
}

/** Column expressions a filler record's blocking keys come from; omit what the agency does not hold. */
export interface BlockingKeySources {
  nhsNumber?: string;
  upn?: string;
  pncId?: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  postcode?: string;
}

/**
 * `recordBlockingKeys` (matching/blocking.ts) written as SQL, for single-part ASCII names: the bulk
 * seeds store it in `blocking_keys`. Change both together; the bulk-seed test compares them.
 */
export function sqlBlockingKeys(c: BlockingKeySources): string {
  const given = `left(lower(${c.givenName}), 1)`;
  const family = `lower(${c.familyName})`;
  const dob = isoDate(c.dateOfBirth);
  const keys = [
    c.nhsNumber && `'nhs:' || ${c.nhsNumber}`,
    c.upn && `'upn:' || ${c.upn}`,
    c.pncId && `'pnc:' || ${c.pncId}`,
    `'dg:' || ${dob} || '|' || ${given}`,
    `'df:' || ${dob} || '|' || left(${family}, 1)`,
    c.postcode && `'pg:' || ${c.postcode} || '|' || ${given}`,
    `'fy:' || ${family} || '|' || to_char(${c.dateOfBirth}, 'YYYY') || '|' || ${given}`,
  ].filter((key): key is string => Boolean(key));
  return `array_remove(ARRAY[${keys.join(', ')}]::text[], NULL)`;
}

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

/**
 * `node subgraphs/<agency>/dist/seed/bulk-cli.js --people N`: server Postgres only
 * (`<AGENCY>_DATABASE_URL`); migrates, puts the regular demo seed in if missing
 * (`MASH_SEED_PEOPLE`, default 2000), tops the filler up to N and prints one JSON line.
 */
export async function runBulkSeedCli(
  definition: Pick<AgencyDefinition<object>, 'agency' | 'entities' | 'migrations' | 'seed'>,
  bulkSeed: (dataSource: DataSource, options: BulkSeedOptions) => Promise<BulkSeedResult>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const variable = `${envPrefix(definition.agency)}_DATABASE_URL`;
  const at = argv.indexOf('--people');
  const people = at >= 0 ? Number(argv[at + 1]) : NaN;
  if (!Number.isInteger(people) || people < 0) throw new Error('usage: bulk-cli.js --people <N> (a whole number of filler people)');
  const url = optionalString(variable);
  if (!url) {
    throw new Error(`${variable} is not set: the bulk seed runs only against a Postgres server ` +
      '(embedded PGlite is one single-threaded session and would take hours at this scale)');
  }
  await ensureServerDatabase(url);
  const database = await openDatabase({
    service: `${definition.agency}-bulk`, url, entities: definition.entities, migrations: definition.migrations, poolSize: 2,
  });
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const seedPeople = integer('MASH_SEED_PEOPLE', 2000);
    const seeded = await definition.seed(database.dataSource, { people: seedPeople });
    const result = await bulkSeed(database.dataSource, { people, seedPeople });
    const tables: { name: string }[] = await database.dataSource.query(
      `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
       AND relname NOT IN ('migrations', 'disclosure_log') ORDER BY relname`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await database.dataSource.query(`SELECT count(*) AS n FROM "${name}"`))[0].n);
    console.log(JSON.stringify({ agency: definition.agency, people, demoSeedInserted: seeded.inserted, ...result, rows: counts }));
  } finally {
    await database.close();
  }
}

/** Entry point body for each agency's `bulk-cli.ts`: prints the error and exits 1 on failure. */
export function bulkSeedCliMain(...args: Parameters<typeof runBulkSeedCli>): void {
  runBulkSeedCli(...args).catch((error: unknown) => {
    console.error(`bulk seed (${args[0].agency}): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
