import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { openDatabase, openTestDatabase, type Database } from '@mash/shared';
import { AuditDecision, AuditKind, AuditLog, auditEntities, auditMigrations } from '../../gateway/src/audit';
import { runVerifyCli } from '@mash/gateway/dist/audit/verify-cli';

// The command `npm run audit:verify` runs: the compiled CLI (npm test builds first). It is started
// as a process for exit 0 and exit 1; the other checks call its entry point in this process.
const cli = path.resolve(__dirname, '../../gateway/dist/audit/verify-cli.js');
const serverMode = Boolean(process.env.TEST_DATABASE_URL);
// jest ignores testTimeout set per project; opening PGlite on a busy machine can take seconds.
jest.setTimeout(120_000);

describe(`audit:verify command (${serverMode ? 'HUB_DATABASE_URL' : 'embedded hub database under MASH_DATA_DIR'})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-audit-cli-'));
  let serverDb: Database | undefined;
  let env: NodeJS.ProcessEnv;

  /** The hub database, opened the way the gateway would; closed again so the CLI can open it. */
  async function withHub<T>(work: (db: Database) => Promise<T>): Promise<T> {
    if (serverDb) return work(serverDb);
    const db = await openDatabase({
      service: 'hub', embeddedPath: path.join(dataDir, 'hub'), entities: auditEntities, migrations: auditMigrations,
    });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }
  const verify = () => spawnSync(process.execPath, [cli], { env, encoding: 'utf8', timeout: 60000 });
  /** The command's entry point in this process: its exit code and what it printed. */
  const verifyInProcess = async () => {
    let stdout = '';
    let stderr = '';
    const status = await runVerifyCli([], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env });
    return { status, stdout, stderr };
  };

  beforeAll(async () => {
    expect(fs.existsSync(cli)).toBe(true); // if not: npm run build
    const { HUB_DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, MASH_DATA_DIR: dataDir };
    if (serverMode) {
      serverDb = await openTestDatabase({ service: 'hub-audit-cli', entities: auditEntities, migrations: auditMigrations });
      env.HUB_DATABASE_URL = (serverDb.dataSource.options as PostgresConnectionOptions).url;
    }
    await withHub(async (db) => {
      await db.dataSource.runMigrations();
      await AuditLog.for(db.dataSource).appendMany(
        // A mixed log: entries with decision facts (hashed) and without (hashed as before the column existed).
        [1, 2, 3, 4, 5].map((n) => ({
          kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.ALLOWED, actorId: `user-${n}`, caseId: 'case-1', agency: 'health',
          facts: n % 2 ? null : { purpose: 'MASH_TRIAGE', case: { kind: 'REFERRAL', rag: 'RED', status: 'OPEN', closedAt: null, consentEarlyHelpSharing: false, ratingState: 'CONFIRMED' } },
        })),
      );
    });
  });
  afterAll(async () => {
    await serverDb?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits 0 with a one-line summary when the chain is intact', () => {
    const run = verify();
    expect(run.stdout.trim()).toMatch(/^audit chain intact: 5 entries checked in [\d.]+s, head seq 5 hash [0-9a-f]{64}$/);
    expect(run.status).toBe(0);
  });

  it('exits 1 naming an entry whose decision facts were altered', async () => {
    await withHub(async (db) => {
      await db.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.dataSource.query(`UPDATE audit_log SET facts = jsonb_set(facts, '{case,rag}', '"AMBER"') WHERE seq = 4`);
      await db.dataSource.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    const broken = await verifyInProcess();
    expect(broken.stdout.trim()).toMatch(/^audit chain BROKEN at seq 4 \(id [0-9a-f-]{36}\): hash mismatch/);
    expect(broken.status).toBe(1);
    await withHub(async (db) => {
      await db.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.dataSource.query(`UPDATE audit_log SET facts = jsonb_set(facts, '{case,rag}', '"RED"') WHERE seq = 4`);
      await db.dataSource.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    expect((await verifyInProcess()).status).toBe(0);
  });

  it('exits 1 naming the first broken entry when one was altered', async () => {
    const id = await withHub(async (db) => {
      await db.dataSource.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.dataSource.query("UPDATE audit_log SET agency = 'police' WHERE seq = 3");
      await db.dataSource.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      const [row] = await db.dataSource.query('SELECT id FROM audit_log WHERE seq = 3');
      return row.id as string;
    });
    const run = verify();
    expect(run.stdout.trim()).toMatch(
      new RegExp(`^audit chain BROKEN at seq 3 \\(id ${id}\\): hash mismatch: the content of this entry was altered`),
    );
    expect(run.status).toBe(1);
  });
});
