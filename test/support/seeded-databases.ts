import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { envPrefix, openDatabase, openTestDatabase, serverDatabaseUrl, type Database, type DatabaseOptions } from '@mash/shared';

/**
 * Migrated (and seeded) test databases copied from a template on the Postgres server.
 *
 * With TEST_DATABASE_URL set, the first test file that needs, say, a police database of 400 people
 * creates `mash_tpl_police_<key>` once (migrations, then the seed) and every test file, that one
 * included, gets its own `CREATE DATABASE ... TEMPLATE` copy (a tenth of a second, where migrating
 * and seeding takes seconds), dropped when closed, as openTestDatabase's are. The key is a hash of
 * the compiled code the contents come from (packages/shared, the service's own package), the lock
 * file and the options, so a rebuild with other migrations or another seed makes a new template;
 * templates of an older key are dropped an hour after they were made. Code written while the
 * test file runs (a build under way) makes no template and uses none. Without TEST_DATABASE_URL
 * it is openTestDatabase (embedded PGlite) and the seed, as before.
 */

const ROOT = path.resolve(__dirname, '../..');
/** About when this test file loaded the compiled code (its imports are evaluated together). */
const LOADED_AT = Date.now();
/** Templates of another key are dropped once this old (a run still using one has long finished). */
const STALE_TEMPLATE_MS = 3_600_000;

export interface SeededDatabaseOptions extends Omit<DatabaseOptions, 'url' | 'embeddedPath'> {
  /** Folders of compiled code (from the repository's root) the database's contents come from. */
  codeFrom: string[];
  /** What else the contents depend on (the seed's options), in the key. */
  variant?: string;
  /** Fills the freshly migrated database (the seed). */
  fill?: (dataSource: DataSource) => Promise<void>;
}

/** A migrated, filled database of the test file's own. */
export async function openSeededTestDatabase(options: SeededDatabaseOptions): Promise<Database> {
  const { codeFrom, variant = '', fill, ...databaseOptions } = options;
  // No template: a fresh database of its own, filled here.
  const fresh = async () => {
    const db = await openTestDatabase(databaseOptions);
    await fill?.(db.dataSource);
    return db;
  };
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return fresh();
  const family = envPrefix(databaseOptions.service).toLowerCase();
  const { key, newest } = contentKey(codeFrom, variant);
  // Code written since this file loaded it (a build under way): no template, made or used, from it.
  if (newest > LOADED_AT - 2000) return fresh();
  const template = `mash_tpl_${family}_${key}`;
  const made = await ensureTemplate(server, family, template, async (url) => {
    const db = await openDatabase({ ...databaseOptions, url, poolSize: 1 });
    try {
      await db.dataSource.runMigrations();
      await fill?.(db.dataSource);
    } finally {
      await db.close();
    }
    // A build of the code meanwhile (another person's `tsc --build`): what ran may not be what the key says.
    return contentKey(codeFrom, variant, true).key === key;
  });
  if (!made) return fresh();
  return openTestDatabase(databaseOptions, { template });
}

const keys = new Map<string, { key: string; newest: number }>();

/**
 * A hash of the compiled JavaScript under `folders` (tests' own excluded), the lock file, the
 * reference day and `variant`; and when the newest of those files was written.
 */
function contentKey(folders: string[], variant: string, fresh = false): { key: string; newest: number } {
  const id = JSON.stringify([folders, variant]);
  let found = fresh ? undefined : keys.get(id);
  if (!found) {
    // Seeds write dates relative to the reference date (MASH_REFERENCE_DATE, else today): a template
    // seeded on another day is another content, whatever the code.
    const referenceDay = process.env.MASH_REFERENCE_DATE || new Date().toISOString().slice(0, 10);
    const hash = createHash('sha256').update(variant).update(`\0${referenceDay}\0`).update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
    let newest = 0;
    for (const folder of folders) {
      const base = path.join(ROOT, folder);
      const files = (fs.readdirSync(base, { recursive: true }) as string[])
        .filter((file) => file.endsWith('.js') && !file.split(path.sep).includes('__tests__'))
        .sort();
      for (const file of files) {
        const at = path.join(base, file);
        newest = Math.max(newest, fs.statSync(at).mtimeMs);
        hash.update(`${folder}/${file}\0`).update(fs.readFileSync(at));
      }
    }
    found = { key: hash.digest('hex').slice(0, 12), newest };
    keys.set(id, found);
  }
  return found;
}

/**
 * Makes `template` unless it is there, under an advisory lock (another jest worker, or another
 * run on the same server, wanting it meanwhile waits, then copies it). Built under another name
 * and renamed when complete, so a template is never seen half made; not kept when `build` says
 * the code changed meanwhile. True when the template is there.
 */
async function ensureTemplate(server: string, family: string, template: string, build: (url: string) => Promise<boolean>): Promise<boolean> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount) return true;
    const building = `${template}_building`;
    // Left by a run that died while building it.
    await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${building}`);
    let kept = false;
    try {
      if (await build(serverDatabaseUrl(server, building))) {
        await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
        kept = true;
      }
    } finally {
      if (!kept) await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    }
    if (!kept) return false;
    await client.query(`COMMENT ON DATABASE ${template} IS 'test template made ${new Date().toISOString()}'`);
    await dropStaleTemplates(client, family, template);
    return true;
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}

/** Templates of the same family and another key, made long enough ago; one still being copied stays. */
async function dropStaleTemplates(client: Client, family: string, current: string): Promise<void> {
  const { rows } = await client.query<{ datname: string; made: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS made FROM pg_database WHERE datname ~ $1 AND datname <> $2`,
    [`^mash_tpl_${family}_[0-9a-f]{12}$`, current],
  );
  for (const { datname, made } of rows) {
    const at = Date.parse(/made (\S+)$/.exec(made ?? '')?.[1] ?? '');
    if (!Number.isFinite(at) || Date.now() - at < STALE_TEMPLATE_MS) continue;
    await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}
