import { createHash } from 'node:crypto';
import { openDatabase, type Database } from '../../database';
import { agencyStore } from '../store';

/**
 * Embedded PGlite is one session for the life of the process: a named statement outlives the
 * socket connection that prepared it. The store must answer anyway (it once failed every agency's
 * first request after ten idle seconds with 42P05).
 */
describe('agency store on embedded PGlite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ service: 'store-test', entities: [], migrations: [] });
  });
  afterAll(() => db?.close());

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
