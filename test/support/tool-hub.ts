import path from 'node:path';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { openDatabase, type Database, type DatabaseOptions } from '@mash/shared';
import { emptyEmbeddedDatabase } from './embedded';
import { openSeededTestDatabase } from './seeded-databases';

/**
 * The hub database a command-line tool's test points the tool at, the way a person would. With
 * TEST_DATABASE_URL: a migrated database of the test file's own on that server (a copy of a
 * template), named to the tool by HUB_DATABASE_URL. Without: the embedded database in the data
 * directory (MASH_DATA_DIR), as `npm start` leaves it; migrating and filling one in PGlite costs
 * tens of seconds of CPU, which is why the server is used when there is one. The tools find either
 * the same way (`hubForTool`, gateway/src/hub/tool-database.ts, whose own test reads an embedded one).
 */
export interface ToolHub {
  mode: 'server' | 'embedded';
  /** What a run of the tool needs to find this hub: MASH_DATA_DIR, HUB_DATABASE_URL (empty when embedded), quiet logs. */
  env: NodeJS.ProcessEnv;
  /** Work on the hub from the test: the server database, or the embedded one opened for `work` alone (PGlite takes one process at a time). */
  use<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function toolHub(dataDir: string, schema: Pick<DatabaseOptions, 'entities' | 'migrations'> & { variant: string }): Promise<ToolHub> {
  const { HUB_DATABASE_URL: _theirs, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = { ...rest, MASH_DATA_DIR: dataDir, HUB_DATABASE_URL: '', MASH_LOG_LEVEL: 'silent' };
  if (process.env.TEST_DATABASE_URL) {
    const db = await openSeededTestDatabase({ service: 'hub', entities: schema.entities, migrations: schema.migrations, codeFrom: ['packages/shared/dist', 'gateway/dist'], variant: schema.variant });
    env.HUB_DATABASE_URL = (db.dataSource.options as PostgresConnectionOptions).url;
    return { mode: 'server', env, use: (work) => work(db), close: () => db.close() };
  }
  const embeddedPath = path.join(dataDir, 'hub');
  await emptyEmbeddedDatabase(embeddedPath);
  return {
    mode: 'embedded',
    env,
    async use(work) {
      const db = await openDatabase({ service: 'hub', embeddedPath, entities: schema.entities, migrations: schema.migrations });
      try {
        await db.dataSource.runMigrations();
        return await work(db);
      } finally {
        await db.close();
      }
    },
    close: async () => undefined,
  };
}
