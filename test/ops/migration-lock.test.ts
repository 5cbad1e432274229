import { randomUUID } from 'node:crypto';
import { adminQuery, serverDatabaseUrl } from '@mash/shared';
import { openHubDatabase } from '../../gateway/src/hub/database';

/**
 * Two gateway replicas starting together on an empty hub database: both must come up, one
 * migrating and the other finding nothing left to do (without the lock one crashed on a table the
 * other had just created). Needs a Postgres server; embedded PGlite belongs to one process.
 */
const server = process.env.TEST_DATABASE_URL;
const maybe = server ? describe : describe.skip;

maybe('migrations of replicas starting together (server mode)', () => {
  const name = `mash_migrate_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = serverDatabaseUrl(server ?? 'postgres://localhost/postgres', name);

  beforeAll(() => adminQuery(server as string, `CREATE DATABASE ${name}`));
  afterAll(() => adminQuery(server as string, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('migrates once, and both replicas open the database', async () => {
    const opened = await Promise.allSettled([0, 1, 2].map(() => openHubDatabase({ url, dataDir: '/nonexistent' })));
    try {
      expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const [first] = opened as PromiseFulfilledResult<Awaited<ReturnType<typeof openHubDatabase>>>[];
      const rows: { count: string }[] = await first.value.dataSource.query('SELECT count(*)::text AS count FROM migrations');
      const names: { name: string }[] = await first.value.dataSource.query('SELECT name FROM migrations');
      expect(new Set(names.map((row) => row.name)).size).toBe(Number(rows[0].count));
      expect(Number(rows[0].count)).toBe(first.value.dataSource.migrations.length);
    } finally {
      await Promise.all(opened.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
    }
  });
});
