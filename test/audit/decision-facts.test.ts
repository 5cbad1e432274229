import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { openTestDatabase, type Database } from '@mash/shared';
import {
  AuditDecision, AuditKind, AuditLog, auditEntities, auditMigrations, entryHash, verifyChain, type AuditEntryInput, type DecisionFacts,
} from '../../gateway/src/audit';
import { DecisionFacts1764810000000 } from '../../gateway/src/audit/migrations/1764810000000-DecisionFacts';

// jest ignores testTimeout set per project; opening PGlite on a busy machine can take seconds.
jest.setTimeout(120_000);

const facts = (rag: 'RED' | 'AMBER' | 'GREEN', extra: Partial<DecisionFacts> = {}): DecisionFacts => ({
  purpose: 'MASH_TRIAGE',
  case: { kind: 'REFERRAL', rag, status: 'OPEN', closedAt: null, consentEarlyHelpSharing: false, ratingState: 'CONFIRMED' },
  ...extra,
});

function fetchEntry(n: number, withFacts: DecisionFacts | null = null): AuditEntryInput {
  return {
    kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.ALLOWED, actorId: `user-${n}`, actorRoles: ['mash-triage'], caseId: `case-${n}`,
    subjectIds: [`subject-${n}`], agency: 'health', fields: ['health.status'], rule: 'triage-open-red-amber', policyVersion: '2026-11-01.5',
    reason: 'allowed', requestId: `request-${n}`, ...(withFacts ? { facts: withFacts } : {}),
  };
}

/**
 * The access log before and after the DecisionFacts migration: entries written before it keep
 * their hashes, entries with facts chain after them, and the verifier reads both.
 */
describe('decision facts in the access log', () => {
  let db: Database;
  let ds: DataSource;
  let log: AuditLog;
  // The log as it was before DecisionFacts: the migrations older than it (later ones assume its column).
  const before = auditMigrations.filter((migration) => Number(new migration().name.slice(-13)) < 1764810000000);

  async function withTriggersDisabled(sql: string, params: unknown[] = []): Promise<void> {
    await ds.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await ds.query(sql, params);
    } finally {
      await ds.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  }
  async function migrate(direction: 'up' | 'down'): Promise<void> {
    const runner = ds.createQueryRunner();
    try {
      await new DecisionFacts1764810000000()[direction](runner);
    } finally {
      await runner.release();
    }
  }

  beforeAll(async () => {
    expect(before.length).toBeGreaterThan(0);
    expect(before).not.toContain(DecisionFacts1764810000000);
    db = await openTestDatabase({ service: 'hub-audit-facts', entities: auditEntities, migrations: before });
    ds = db.dataSource;
    log = AuditLog.for(ds);
  });
  afterAll(() => db?.close());

  it('keeps the hashes of entries written before the column, and chains entries with facts after them', async () => {
    const old = await log.appendMany([1, 2, 3].map((n) => fetchEntry(n)));
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 3 }); // the verifier on a log without the column
    await migrate('up');
    await migrate('down'); // down and up again work on this database too
    await migrate('up');
    const stored = await ds.query('SELECT seq, hash, facts FROM audit_log ORDER BY seq');
    expect(stored).toEqual(old.map((record) => ({ seq: record.seq, hash: record.hash, facts: null })));

    const given = [facts('RED'), facts('AMBER', { released: ['BASIC_IDENTITY', 'HEALTH_SPECIAL'], withheld: [{ field: 'health.x', level: 'RESTRICTED' }] })];
    const added = await log.appendMany([fetchEntry(4, given[0]), fetchEntry(5), fetchEntry(6, given[1])]);
    expect(added[0].prevHash).toBe(old[2].hash);
    await expect(verifyChain(ds, { batchSize: 2 })).resolves.toMatchObject({ ok: true, entries: 6 });
    const rows = await ds.query('SELECT facts FROM audit_log WHERE seq > 3 ORDER BY seq');
    expect(rows.map((row: { facts: unknown }) => row.facts)).toEqual([given[0], null, given[1]]);
  });

  it('hashes what the database hands back exactly as the database linked it', async () => {
    const rows = await ds.query(
      `SELECT id, recorded_at AS "recordedAt", kind, actor_id AS "actorId", actor_roles AS "actorRoles", organisation, case_id AS "caseId",
              subject_ids AS "subjectIds", agency, fields, decision, rule, policy_version AS "policyVersion", reason, grant_id AS "grantId",
              request_id AS "requestId", facts, prev_hash AS "prevHash", hash FROM audit_log ORDER BY seq`,
    );
    for (const row of rows) expect(entryHash(row)).toBe(row.hash);
  });

  it.each([
    ['a changed rating inside the facts', "UPDATE audit_log SET facts = jsonb_set(facts, '{case,rag}', '\"GREEN\"') WHERE seq = 4", '4'],
    ['facts removed from an entry that had them', 'UPDATE audit_log SET facts = NULL WHERE seq = 6', '6'],
    ['facts added to an entry written without them', `UPDATE audit_log SET facts = '{"purpose":"MASH_TRIAGE","case":null}' WHERE seq = 2`, '2'],
    ['a released level added', `UPDATE audit_log SET facts = jsonb_set(facts, '{released}', '["BASIC_IDENTITY","HEALTH_SPECIAL","POLICE_INTELLIGENCE"]') WHERE seq = 6`, '6'],
  ])('reports %s as an altered entry', async (_label, sql, seq) => {
    const [original] = await ds.query('SELECT facts FROM audit_log WHERE seq = $1', [seq]);
    await withTriggersDisabled(sql);
    try {
      const report = await verifyChain(ds);
      expect(report).toMatchObject({ ok: false, entries: 6, firstBroken: { seq } });
      expect(report.firstBroken!.reason).toMatch(/hash mismatch.*altered/);
    } finally {
      await withTriggersDisabled('UPDATE audit_log SET facts = $1 WHERE seq = $2', [original.facts === null ? null : JSON.stringify(original.facts), seq]);
    }
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 6 });
  });

  it('refuses facts that are not a JSON object, and a plain UPDATE of them', async () => {
    await expect(withTriggersDisabled(`UPDATE audit_log SET facts = '"MASH_TRIAGE"' WHERE seq = 4`)).rejects.toThrow(/facts_check|check constraint/);
    await expect(ds.query(`UPDATE audit_log SET facts = '{}' WHERE seq = 4`)).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(log.append({ ...fetchEntry(7), facts: { purpose: 'MASH_TRIAGE\u0000', case: null } })).rejects.toThrow(/NUL/);
    await expect(verifyChain(ds)).resolves.toMatchObject({ ok: true, entries: 6 });
  });
});
