import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { openDatabase, openTestDatabase, type Database } from '@mash/shared';
import {
  AuditDecision, AuditKind, AuditLog, GENESIS_HASH, auditEntities, auditMigrations, auditResolvers, verifyChain,
  type AuditEntryInput,
} from '../../gateway/src/audit';
import type { AuthenticatedUser } from '../../gateway/src/auth/user';

const serverMode = Boolean(process.env.TEST_DATABASE_URL);
// jest ignores testTimeout set per project; opening PGlite on a busy machine can take seconds.
jest.setTimeout(120_000);

function fetchEntry(n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    kind: AuditKind.AGENCY_FETCH, decision: n % 3 ? AuditDecision.ALLOWED : AuditDecision.DENIED,
    actorId: `user-${n % 7}`, actorRoles: ['mash-triage'], organisation: 'org-hub', caseId: `case-${n % 5}`,
    subjectIds: [`subject-${n}`, `subject-${n + 1}`], agency: 'police', fields: ['police.status', 'police.flags'],
    rule: 'red-amber-triage', policyVersion: '1', reason: 'case is RED and open', grantId: `grant-${n}`,
    requestId: `request-${n}`, ...overrides,
  };
}

describe('audit log (hash-chained, append-only)', () => {
  let db: Database;
  let ds: DataSource;
  let log: AuditLog;

  beforeAll(async () => {
    db = await openTestDatabase({ service: 'hub-audit', entities: auditEntities, migrations: auditMigrations });
    ds = db.dataSource;
    log = AuditLog.for(ds);
  });
  afterAll(() => db?.close());

  /** What a superuser can do and the hash chain is there to reveal. */
  async function withTriggersDisabled(sql: string, params: unknown[] = []): Promise<void> {
    await ds.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await ds.query(sql, params);
    } finally {
      await ds.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  }
  beforeEach(() => withTriggersDisabled('TRUNCATE audit_log RESTART IDENTITY'));

  it('keeps the chain whole under 200 concurrent appends', async () => {
    const records = await Promise.all(Array.from({ length: 200 }, (_, n) => log.append(fetchEntry(n))));
    expect(new Set(records.map((record) => record.seq)).size).toBe(200);
    expect(new Set(records.map((record) => record.prevHash)).size).toBe(200);
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 200 });
    // Small batches and a start in the middle read the same chain.
    await expect(verifyChain(ds, { batchSize: 7 })).resolves.toMatchObject({ ok: true, entries: 200 });
    const [{ seq }] = await ds.query('SELECT seq FROM audit_log ORDER BY seq OFFSET 150 LIMIT 1');
    await expect(verifyChain(ds, { fromSeq: seq })).resolves.toMatchObject({ ok: true, entries: 50 });
    const [first] = await ds.query('SELECT prev_hash FROM audit_log ORDER BY seq LIMIT 1');
    expect(first.prev_hash).toBe(GENESIS_HASH);
  });

  (serverMode ? it : it.skip)(
    'keeps the chain whole with two gateway processes (two DataSources) appending at once [Postgres only: needs TEST_DATABASE_URL; PGlite is one session]',
    async () => {
      const url = (ds.options as PostgresConnectionOptions).url!;
      const other = await openDatabase({ service: 'hub-audit-2', url, entities: auditEntities, migrations: [], poolSize: 4 });
      try {
        const second = AuditLog.for(other.dataSource);
        await Promise.all([
          ...Array.from({ length: 150 }, (_, n) => log.append(fetchEntry(n))),
          ...Array.from({ length: 150 }, (_, n) => second.append(fetchEntry(n + 1000))),
          // Given a manager, each call is its own statement, bypassing the in-process queue: these
          // race for the advisory lock inside each process as well as across the two.
          ...Array.from({ length: 50 }, (_, n) => log.appendMany([fetchEntry(n)], ds.manager)),
          ...Array.from({ length: 50 }, (_, n) => second.appendMany([fetchEntry(n), fetchEntry(n + 1)], other.dataSource.manager)),
        ]);
      } finally {
        await other.close();
      }
      await expect(verifyChain(ds, { batchSize: 64 })).resolves.toMatchObject({ ok: true, entries: 450 });
    },
  );

  it('writes appendMany in order, in one statement', async () => {
    await log.append(fetchEntry(0));
    const batch = await log.appendMany([1, 2, 3].map((n) => fetchEntry(n)));
    expect(batch.map((record) => record.requestId)).toEqual(['request-1', 'request-2', 'request-3']);
    expect(batch[1].prevHash).toBe(batch[0].hash);
    expect(Number(batch[2].seq)).toBeGreaterThan(Number(batch[1].seq));
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 4 });
  });

  it('keeps each queued appendMany whole and in order among concurrent appends', async () => {
    const [, batch] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, (_, n) => log.append(fetchEntry(n)))),
      log.appendMany([101, 102, 103].map((n) => fetchEntry(n))),
      Promise.all(Array.from({ length: 20 }, (_, n) => log.append(fetchEntry(n + 200)))),
    ]);
    expect(batch.map((record) => record.requestId)).toEqual(['request-101', 'request-102', 'request-103']);
    expect(batch.map((record) => Number(record.seq) - Number(batch[0].seq))).toEqual([0, 1, 2]);
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 43 });
  });

  it('stores and verifies text of every kind (the database links what JavaScript verifies)', async () => {
    const texts = ['ünïcödé', 'family 👪 emoji', 'quote " backslash \\ slash /', 'line\nbreak\ttab\u0001', '"prev_hash":"0"', "it's", ''];
    await log.appendMany(texts.map((reason, n) => fetchEntry(n, { reason, subjectIds: [reason], fields: [], organisation: null })));
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: texts.length });
  });

  it("commits or rolls back with the caller's own transaction", async () => {
    await ds.transaction((manager) => log.append(fetchEntry(1, { kind: AuditKind.CASE_MUTATION }), manager));
    await expect(
      ds.transaction(async (manager) => {
        await log.append(fetchEntry(2, { kind: AuditKind.CASE_MUTATION }), manager);
        throw new Error('the mutation failed');
      }),
    ).rejects.toThrow('the mutation failed');
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 1 });
  });

  it('fails the caller whose entry cannot be written, and only that caller (fail closed)', async () => {
    const results = await Promise.allSettled([
      log.append(fetchEntry(1)),
      log.append(fetchEntry(2, { actorId: 'x'.repeat(201) })), // longer than actor_id allows
      log.append(fetchEntry(3)),
      log.append(fetchEntry(4, { kind: 'READ' as AuditKind })),
      log.appendMany([fetchEntry(5), fetchEntry(6, { caseId: 'c'.repeat(65) })]), // all or none
      log.appendMany([fetchEntry(7), fetchEntry(8)]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 4 });
  });

  it('reports an entry altered behind the triggers as the first broken one', async () => {
    const records = await log.appendMany(Array.from({ length: 10 }, (_, n) => fetchEntry(n)));
    const altered = records[4];
    await withTriggersDisabled("UPDATE audit_log SET decision = 'ALLOWED', reason = 'nothing to see' WHERE seq = $1", [altered.seq]);
    const report = await verifyChain(ds, { batchSize: 3 });
    expect(report).toMatchObject({ ok: false, entries: 10, firstBroken: { seq: altered.seq, id: altered.id } });
    expect(report.firstBroken!.reason).toMatch(/hash mismatch.*altered/);
  });

  it('reports the entry after a removed one as the first broken one', async () => {
    const records = await log.appendMany(Array.from({ length: 10 }, (_, n) => fetchEntry(n)));
    await withTriggersDisabled('DELETE FROM audit_log WHERE seq = $1', [records[5].seq]);
    const report = await verifyChain(ds);
    expect(report).toMatchObject({ ok: false, entries: 9, firstBroken: { seq: records[6].seq, id: records[6].id } });
    expect(report.firstBroken!.reason).toMatch(/prev_hash mismatch.*removed/);
  });

  it('reports a removed first entry', async () => {
    const records = await log.appendMany([1, 2, 3].map((n) => fetchEntry(n)));
    await withTriggersDisabled('DELETE FROM audit_log WHERE seq = $1', [records[0].seq]);
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: false, firstBroken: { seq: records[1].seq } });
  });

  it.each([
    ['UPDATE', "UPDATE audit_log SET reason = 'edited'"],
    ['UPDATE matching no row', "UPDATE audit_log SET reason = 'edited' WHERE false"],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses a plain %s with the trigger’s error', async (_operation, sql) => {
    await log.appendMany([1, 2].map((n) => fetchEntry(n)));
    await expect(ds.query(sql)).rejects.toThrow(/audit_log is append-only: (UPDATE|DELETE|TRUNCATE) is refused/);
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses a second successor of one entry, so a stale head cannot fork the chain', async () => {
    const [first] = await log.appendMany([fetchEntry(1), fetchEntry(2)]);
    const forked = { ...first, id: '00000000-0000-4000-8000-000000000001', hash: 'f'.repeat(64) };
    await expect(
      ds.query(
        `INSERT INTO audit_log (id, recorded_at, kind, actor_roles, subject_ids, fields, decision, prev_hash, hash)
         VALUES ($1, now(), 'AUDIT_READ', '{}', '{}', '{}', 'RECORDED', $2, $3)`,
        [forked.id, first.prevHash, forked.hash],
      ),
    ).rejects.toThrow(/prev_hash/);
  });

  describe('governance queries', () => {
    let schema: GraphQLSchema;
    const user = (roles: AuthenticatedUser['roles']): AuthenticatedUser => ({
      id: `user-${roles.join('-')}`, name: 'never logged', roles, organisation: 'org-hub', agency: null,
    });
    const run = (source: string, who: AuthenticatedUser | null) =>
      graphql({ schema, source, contextValue: { requestId: 'request-gov', user: who, hub: ds } });
    const readsLogged = async () =>
      (await ds.query(`SELECT actor_id, decision, fields, case_id, reason FROM audit_log WHERE kind = 'AUDIT_READ' ORDER BY seq`)) as {
        actor_id: string; decision: string; fields: string[]; case_id: string | null; reason: string;
      }[];

    beforeAll(async () => {
      schema = await buildSchema({ resolvers: auditResolvers, validate: false });
    });

    it('refuses a user without the governance role with FORBIDDEN, and logs the attempt', async () => {
      await log.appendMany([1, 2].map((n) => fetchEntry(n)));
      for (const source of ['{ accessLog { id } }', '{ auditChain { ok } }']) {
        const result = await run(source, user(['mash-triage', 'mash-manager']));
        expect(result.data).toBeNull();
        expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect(result.errors?.[0].message).toMatch(/only for users with the governance role/);
      }
      expect(await readsLogged()).toEqual([
        expect.objectContaining({ actor_id: 'user-mash-triage-mash-manager', decision: 'DENIED' }),
        expect.objectContaining({ decision: 'DENIED' }),
      ]);
    });

    it('refuses an anonymous request with UNAUTHENTICATED', async () => {
      const result = await run('{ accessLog { id } }', null);
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('serves the filtered log to governance, newest first, and logs the read first', async () => {
      await log.appendMany(Array.from({ length: 10 }, (_, n) => fetchEntry(n)));
      const result = await run(
        '{ accessLog(caseId: "case-1", limit: 5) { seq kind caseId decision ...more } } fragment more on AccessLogEntry { hash recordedAt }',
        user(['governance']),
      );
      expect(result.errors).toBeUndefined();
      const entries = result.data!.accessLog as { seq: string; kind: string; caseId: string; recordedAt: string }[];
      // Newest first: the read's own entry (it names the case it asked about), then the two fetches.
      expect(entries.map((entry) => [entry.kind, entry.caseId])).toEqual([
        ['AUDIT_READ', 'case-1'], ['AGENCY_FETCH', 'case-1'], ['AGENCY_FETCH', 'case-1'],
      ]);
      expect(Number(entries[0].seq)).toBeGreaterThan(Number(entries[1].seq));
      expect(entries[0].recordedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
      expect(await readsLogged()).toEqual([
        { actor_id: 'user-governance', decision: 'ALLOWED', case_id: 'case-1', fields: ['caseId', 'decision', 'hash', 'kind', 'recordedAt', 'seq'],
          reason: 'accessLog: caseId=case-1 limit=5' },
      ]);
      const denied = await run('{ accessLog(decision: DENIED, since: "2000-01-01T00:00:00Z") { decision } }', user(['governance']));
      expect((denied.data!.accessLog as { decision: string }[]).map((entry) => entry.decision)).toEqual(['DENIED', 'DENIED', 'DENIED', 'DENIED']);
      const bad = await run('{ accessLog(since: "yesterday") { id } }', user(['governance']));
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('verifies the chain for governance', async () => {
      await log.appendMany([1, 2, 3].map((n) => fetchEntry(n)));
      const result = await run('{ auditChain { ok entries firstBroken { seq } headSeq headHash } }', user(['governance']));
      // The check's own AUDIT_READ entry is written first, so it is checked too.
      expect(result.data!.auditChain).toMatchObject({ ok: true, entries: 4, firstBroken: null, headSeq: '4' });
    });
  });
});
