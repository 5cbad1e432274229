import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from './database';
import { envPrefix } from './config';

/**
 * A fresh, migrated database for one test file. With `TEST_DATABASE_URL` set (a Postgres server
 * URL) it creates and later drops a uniquely named database there; otherwise it uses an in-memory
 * PGlite, so `npm test` needs nothing installed.
 */
export async function openTestDatabase(
  options: Omit<DatabaseOptions, 'url' | 'embeddedPath'>,
): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const db = await openDatabase(options);
    await db.dataSource.runMigrations();
    return db;
  }
  const name = `mash_test_${envPrefix(options.service).toLowerCase()}_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ ...options, url: url.toString(), poolSize: 4 });
  await db.dataSource.runMigrations();
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
