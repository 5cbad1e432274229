import path from 'node:path';
import { databaseTimeoutsFromEnv, ensureServerDatabase, migrate, openDatabase, type Database } from '@mash/shared';
import { hubEntities, hubMigrations } from './data-source';

/** Opens and migrates the hub's database: server Postgres when a URL is given, else PGlite under dataDir. */
export async function openHubDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  if (options.url) await ensureServerDatabase(options.url);
  const database = await openDatabase({
    service: 'hub',
    url: options.url,
    embeddedPath: path.join(options.dataDir, 'hub'),
    entities: hubEntities,
    migrations: hubMigrations,
    timeouts: databaseTimeoutsFromEnv(),
  });
  await migrate(database);
  return database;
}
