import { agencyEntities } from '../agency/run';
import { CONFORMANCE_PEOPLE } from '../agency/conformance-fixture';
import { openDatabase } from '../database';
import type { AnyAgencyAdapter } from './types';
import { ConformanceSetupError } from './types';

export interface PrepareOptions {
  /** Server Postgres URL of the agency's database; or, absent, the embedded PGlite folder. */
  url?: string;
  embeddedPath?: string;
  /** Run the agency's pending migrations first (a fresh throw-away database). */
  migrate: boolean;
  /** The date the people's records are dated relative to. */
  asOf: string;
}

/**
 * Writes the conformance people into the agency's database through the adapter's own fixture,
 * then closes it (embedded PGlite serves one session, so this must finish before the agency starts).
 */
export async function insertConformancePeople(adapter: AnyAgencyAdapter, options: PrepareOptions): Promise<void> {
  const where = options.url ? redact(options.url) : options.embeddedPath;
  let database;
  try {
    database = await openDatabase({
      service: `${adapter.agency}-conformance`, url: options.url, embeddedPath: options.embeddedPath,
      entities: agencyEntities(adapter), migrations: adapter.migrations, poolSize: 2,
    });
  } catch (error) {
    throw new ConformanceSetupError(`could not open the ${adapter.agency} database at ${where}: ${(error as Error).message}`);
  }
  try {
    if (options.migrate) await database.dataSource.runMigrations();
    await adapter.conformance.insert(database.dataSource, CONFORMANCE_PEOPLE, options.asOf);
  } catch (error) {
    // The people are invented, so the database's own message is safe to show and says most.
    throw new ConformanceSetupError(`could not write the conformance people into the ${adapter.agency} database at ${where}: ${(error as Error).message}`);
  } finally {
    await database.close();
  }
}

/** A database URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unreadable URL>';
  }
}
