import { openTestDatabase } from '../testing';

jest.setTimeout(120_000);

/** What an agency's service opens its database with: every connection plans prepared statements once. */
describe('a database opened with generic plans', () => {
  it('gives every connection plan_cache_mode = force_generic_plan, and leaves the default alone otherwise', async () => {
    const agency = await openTestDatabase({ service: 'plans-agency', entities: [], migrations: [], genericPlans: true });
    const plain = await openTestDatabase({ service: 'plans-plain', entities: [], migrations: [] });
    try {
      // Several at once, so a pool of more than one connection (server mode) shows each of them.
      const modes = await Promise.all(Array.from({ length: 4 }, () => agency.dataSource.query("SELECT current_setting('plan_cache_mode') AS mode, pg_backend_pid() AS pid, pg_sleep(0.05)")));
      expect(modes.map(([row]) => row.mode)).toEqual(Array(4).fill('force_generic_plan'));
      if (agency.mode === 'server') expect(new Set(modes.map(([row]) => row.pid)).size).toBeGreaterThan(1);
      const [{ mode }] = await plain.dataSource.query("SELECT current_setting('plan_cache_mode') AS mode");
      expect(mode).toBe('auto');
    } finally {
      await Promise.all([agency.close(), plain.close()]);
    }
  });
});
