import type { DataSource } from 'typeorm';
import { envPrefix, integer, optionalString } from '../config';
import { ensureServerDatabase, openDatabase } from '../database';
import type { AgencyAdapter, CandidateRow } from '../agency/adapter';
import { agencyEntities } from '../agency/run';
import { seedAgency } from '../agency/seed';
import type { BulkSeedOptions, BulkSeedResult } from './sql';

/**
 * `node subgraphs/<agency>/dist/seed/bulk-cli.js --people N`: server Postgres only
 * (`<AGENCY>_DATABASE_URL`); migrates, puts the regular demo seed in if missing
 * (`MASH_SEED_PEOPLE`, default 2000), tops the filler up to N and prints one JSON line.
 */
export async function runBulkSeedCli(
  adapter: AgencyAdapter<CandidateRow, unknown, object>,
  bulkSeed: (dataSource: DataSource, options: BulkSeedOptions) => Promise<BulkSeedResult>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const variable = `${envPrefix(adapter.agency)}_DATABASE_URL`;
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
    service: `${adapter.agency}-bulk`, url, entities: agencyEntities(adapter), migrations: adapter.migrations, poolSize: 2,
  });
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const seedPeople = integer('MASH_SEED_PEOPLE', 2000);
    const seeded = await seedAgency(database.dataSource, adapter.seed, { people: seedPeople });
    const result = await bulkSeed(database.dataSource, { people, seedPeople });
    const tables: { name: string }[] = await database.dataSource.query(
      `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
       AND relname NOT IN ('migrations', 'disclosure_log') ORDER BY relname`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await database.dataSource.query(`SELECT count(*) AS n FROM "${name}"`))[0].n);
    console.log(JSON.stringify({ agency: adapter.agency, people, demoSeedInserted: seeded.inserted, ...result, rows: counts }));
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
