import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from './database';
import { envPrefix } from './config';

/**
 * A fresh, migrated database for one test file. With `TEST_DATABASE_URL` set (a Postgres server
 * URL) it creates and later drops a uniquely named database there (a copy of `copy.template`
 * when given: a database on that server prepared once); otherwise it uses an in-memory PGlite, so
 * `npm test` needs nothing installed.
 */
export async function openTestDatabase(
  options: Omit<DatabaseOptions, 'url' | 'embeddedPath'>,
  copy: { template?: string } = {},
): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const db = await openDatabase(options);
    await db.dataSource.runMigrations();
    return db;
  }
  const name = `mash_test_${envPrefix(options.service).toLowerCase()}_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE ${name}${copy.template ? ` TEMPLATE ${copy.template}` : ''}`);
  const drop = () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  let db: Database;
  try {
    db = await openDatabase({ ...options, url: serverDatabaseUrl(server, name), poolSize: 4 });
    // A copy of a migrated template has nothing to run: a check that it is.
    await db.dataSource.runMigrations();
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await drop();
      }
    },
  };
}

/** The URL of database `name` on the server of `serverUrl`. */
export function serverDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on the server of `serverUrl`, on a connection of its own (CREATE and DROP DATABASE). */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
