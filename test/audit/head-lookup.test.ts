import 'reflect-metadata';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { agencyEntities, openTestDatabase, type Database } from '@mash/shared';
import { adapter as police } from '@mash/police';
import { auditEntities, auditMigrations } from '../../gateway/src/audit';

// Planner statistics and per-table scan counters: server Postgres only (CI and the bench's kind).
const serverMode = Boolean(process.env.TEST_DATABASE_URL);
jest.setTimeout(120_000);

/**
 * Each append reads the chain's head (`<log>_lock_head()`: the newest row's hash) under the chain
 * lock. PL/pgSQL keeps the plan of that read for the life of the connection; planned while the log
 * was nearly empty it was a sequential scan and a sort, and stayed one as the log grew (autovacuum
 * off, or before its first ANALYZE of the log): each append then read the whole log, 3-6 ms per
 * agency fetch at 18,000 rows in the bench. The head must be read by its index whatever the
 * statistics said when the plan was made.
 */
describe.each([
  {
    log: 'disclosure_log',
    open: () => openTestDatabase({ service: 'police-head', entities: agencyEntities(police), migrations: police.migrations }),
    // The one-argument append (no grant claims); each element as recordDisclosures builds it.
    grow: (count: number) => `SELECT count(*) FROM disclosure_log_append((SELECT jsonb_agg(jsonb_build_object(
        'id', gen_random_uuid(), 'disclosed_at', now(), 'request_id', 'head-' || g, 'subject_id', 'subject-' || g,
        'match_status', 'NOT_KNOWN', 'record_ids', '[]'::jsonb, 'obligations', '[]'::jsonb, 'hash_before', '{"a":', 'hash_after', '}'))
      FROM generate_series(1, ${count}) AS g))`,
  },
  {
    log: 'audit_log',
    open: () => openTestDatabase({ service: 'hub-head', entities: auditEntities, migrations: auditMigrations }),
    grow: (count: number) => `SELECT count(*) FROM audit_log_append((SELECT jsonb_agg(jsonb_build_object(
        'id', gen_random_uuid(), 'recorded_at', now(), 'kind', 'CASE_MUTATION', 'actor_roles', '[]'::jsonb, 'subject_ids', '[]'::jsonb,
        'fields', '[]'::jsonb, 'decision', 'RECORDED', 'request_id', 'head-' || g, 'hash_before', '{"a":', 'hash_after', '}'))
      FROM generate_series(1, ${count}) AS g))`,
  },
])('$log: the head is read by its index, whatever the statistics were', ({ log, open, grow }) => {
  let db: Database;
  let ds: DataSource;

  beforeAll(async () => {
    if (serverMode) ({ dataSource: ds } = db = await open());
  });
  afterAll(() => db?.close());

  (serverMode ? it : it.skip)('reads the head by index on a connection that first appended to a nearly empty log', async () => {
    // A few rows, analysed: the statistics a freshly deployed service starts with.
    await ds.query(grow(3));
    await ds.query(`ANALYZE ${log}`);
    // One connection of the service, with the plans it runs shown to it (auto_explain, nested statements included).
    const connection = new Client({ connectionString: (ds.options as PostgresConnectionOptions).url });
    await connection.connect();
    const plans: string[] = [];
    connection.on('notice', (notice) => plans.push(notice.message ?? ''));
    try {
      await connection.query("LOAD 'auto_explain'");
      await connection.query("SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_level = 'notice'");
      const headReads = () => plans.filter((plan) => plan.includes(`FROM ${log} ORDER BY seq DESC LIMIT 1`));
      // This connection plans the head read now, with the log at three rows...
      await connection.query(grow(1));
      expect(headReads()).toHaveLength(1);
      // ...which then grows under it, from other connections, with no ANALYZE in between.
      for (let i = 0; i < 10; i++) await ds.query(grow(1000));
      await connection.query(grow(1));
      const [small, large] = headReads();
      for (const plan of [small, large]) {
        expect(plan).toContain('Index Scan Backward');
        expect(plan).not.toContain('Seq Scan');
      }
      const [{ rows }] = await ds.query(`SELECT count(*)::int AS rows FROM ${log}`);
      expect(rows).toBe(3 + 1 + 10 * 1000 + 1);
    } finally {
      await connection.end();
    }
  });
});
