import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../database';
import { emptyEmbeddedDatabase } from '../../__tests__/support/embedded-template';
import { agencyStore } from '../store';

/**
 * Embedded PGlite is one session for the life of the process: a named statement outlives the
 * socket connection that prepared it. The store must answer anyway (it once failed every agency's
 * first request after ten idle seconds with 42P05).
 */
describe('agency store on embedded PGlite', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-store-embedded-'));
  let db: Database;
  beforeAll(async () => {
    // An empty database copied from the test template (initdb in WebAssembly costs 10-20 s).
    await emptyEmbeddedDatabase(path.join(folder, 'db'));
    db = await openDatabase({ service: 'store-test', embeddedPath: path.join(folder, 'db'), entities: [], migrations: [] });
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('keeps its one connection open while idle', () => {
    const pool = (db.dataSource.driver as unknown as { master: { options: { idleTimeoutMillis?: number } } }).master;
    expect(pool.options.idleTimeoutMillis).toBe(0);
  });

  it('answers a statement whose name the session already holds from an earlier connection', async () => {
    const text = 'SELECT $1::int + 1 AS next';
    const name = `mash_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    // As if a connection before this one had prepared it.
    await db.dataSource.query(`PREPARE ${name}(int) AS SELECT $1 + 1 AS next`);
    expect(await agencyStore(db.dataSource).query(text, [41])).toEqual([{ next: 42 }]);
  });
});
