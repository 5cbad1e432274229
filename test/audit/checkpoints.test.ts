import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import {
  AGENCIES, agencyStore, disclosureHashed, envPrefix, fetchCheckpoint, GrantVerifier, linkTemplate, type AgencyName,
} from '@mash/shared';
import { entryHash, type AuditEntry } from '../../gateway/src/audit';
import { runVerifyCli } from '@mash/gateway/dist/audit/verify-cli';
import { startFederation, type Federation } from '../support/federation';

// The command `npm run audit:verify` runs, called through its entry point in this process (the
// compiled CLI, npm test builds first; verify-cli.test.ts starts it as a process). It reaches the
// five databases by URL, as the command does: a Postgres server's. The federation's embedded
// PGlite databases are in-memory sessions with no URL.
const serverMode = Boolean(process.env.TEST_DATABASE_URL);
jest.setTimeout(180_000);

const urlOf = (dataSource: DataSource) => String((dataSource.options as { url: string }).url);
const CASE = `query($id: ID!) { case(id: $id) { subjects { police { status } socialCare { status } health { status } education { status } } } }`;

(serverMode ? describe : describe.skip)('audit:verify with the agencies: checkpoints, disclosure chains and grants (Postgres only)', () => {
  let federation: Federation;
  let env: NodeJS.ProcessEnv;
  let folder: string;
  let checkpointSeq: number;
  const hub = () => federation.hub.dataSource;
  const agencyDb = (agency: AgencyName) => federation.agencies[agency].database.dataSource;
  const verify = async () => {
    let stdout = '';
    let stderr = '';
    const status = await runVerifyCli([], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env });
    return { status, stdout, stderr };
  };

  /** What a database superuser can do and the checkpoints are there to reveal. */
  async function asSuperuser(db: DataSource, table: string, work: () => Promise<unknown>): Promise<void> {
    await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await work();
    } finally {
      await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }

  beforeAll(async () => {
    federation = await startFederation();
    const triage = await federation.token({ role: 'mash-triage', sub: 'triage-audit' });
    const { body } = await federation.query('{ cases(rag: RED) { id } }', {}, triage);
    const red = body.data.cases[0].id;
    expect((await federation.query(CASE, { id: red }, triage)).body.errors).toBeUndefined();

    // A governance lead has a checkpoint signed now; every agency fetches and keeps it, as its
    // background task does (agency/checkpoints.ts), from the gateway's public address.
    const origin = new URL(federation.gateway.url).origin;
    const signed = await fetch(`${origin}/audit/checkpoint`, { method: 'POST', headers: { authorization: `Bearer ${await federation.token({ role: 'governance' })}` } });
    expect(signed.status).toBe(200);
    checkpointSeq = Number(((await signed.json()) as { seq: string }).seq);
    for (const agency of AGENCIES) {
      const keys = new GrantVerifier({ agency, issuer: 'mash-gateway', jwks: { keys: [federation.grantKey.publicJwk] } }).keys;
      const kept = await fetchCheckpoint({ url: `${origin}/audit/checkpoint`, store: agencyStore(agencyDb(agency)), keys, issuer: 'mash-gateway' });
      expect(Number(kept.seq)).toBe(checkpointSeq);
    }
    // More activity after the checkpoint, as in any live hub.
    expect((await federation.query(CASE, { id: red }, triage)).body.errors).toBeUndefined();

    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-audit-federation-'));
    const jwksFile = path.join(folder, 'gateway-jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify({ keys: [federation.grantKey.publicJwk] }));
    const { HUB_DATABASE_URL: _hub, ...rest } = process.env;
    env = {
      ...rest, MASH_DATA_DIR: folder, MASH_GATEWAY_JWKS_FILE: jwksFile, HUB_DATABASE_URL: urlOf(hub()),
      ...Object.fromEntries(AGENCIES.map((agency) => [`${envPrefix(agency)}_DATABASE_URL`, urlOf(agencyDb(agency))])),
    };
  });
  afterAll(async () => {
    await federation?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('verifies an intact federation clean: the hub chain, every agency checkpoint, disclosure chain and grant', async () => {
    const run = await verify();
    expect(run.stdout).toMatch(/^audit chain intact: \d+ entries checked/);
    for (const agency of AGENCIES) {
      expect(run.stdout).toMatch(new RegExp(`^${agency}: intact: 1 checkpoint\\(s\\) held against the hub's chain \\(newest seq ${checkpointSeq}, .*; [1-9]\\d* disclosure\\(s\\) chained and reconciled`, 'm'));
    }
    expect(run.status).toBe(0);
  });

  it('reports a disclosure under a grant the hub never issued (a forged grant or a leaked key), even one chained correctly', async () => {
    const forged = { id: randomUUID(), disclosedAt: new Date(), grantId: randomUUID(), requestId: randomUUID(), caseId: 'case-x', userId: 'someone', purpose: 'MASH_TRIAGE', subjectId: 'subject-x', matchStatus: 'MATCHED', recordIds: ['record-x'], obligations: [] };
    const hashed = disclosureHashed(forged);
    await agencyDb('education').query('SELECT * FROM disclosure_log_append($1::jsonb)', [JSON.stringify([{ ...hashed, disclosed_at: forged.disclosedAt.toISOString(), hash_before: linkTemplate(hashed).before, hash_after: linkTemplate(hashed).after }])]);
    const run = await verify();
    expect(run.stdout).toMatch(/^audit chain intact/);
    expect(run.stdout).toContain(`education: disclosure seq`);
    expect(run.stdout).toContain(`under grant ${forged.grantId}: the hub never issued this grant (a forged grant or a leaked signing key)`);
    expect(run.stdout).toMatch(/^police: intact/m);
    expect(run.status).toBe(1);
  });

  it('reports a disclosure row altered by a superuser (the agency chain breaks)', async () => {
    await asSuperuser(agencyDb('health'), 'disclosure_log', () => agencyDb('health').query("UPDATE disclosure_log SET match_status = 'NOT_KNOWN' WHERE seq = 1"));
    const run = await verify();
    expect(run.stdout).toMatch(/health: disclosure log BROKEN at seq 1 \(id [0-9a-f-]+\): hash mismatch/);
    expect(run.status).toBe(1);
  });

  it('catches the hub log rewritten and rehashed with its triggers disabled, which its own chain no longer shows', async () => {
    const rows = (await hub().query(`SELECT seq, id, recorded_at AS "recordedAt", kind, actor_id AS "actorId", actor_roles AS "actorRoles", organisation,
      case_id AS "caseId", subject_ids AS "subjectIds", agency, fields, decision, rule, policy_version AS "policyVersion", reason, grant_id AS "grantId",
      request_id AS "requestId", facts, prev_hash AS "prevHash", hash FROM audit_log WHERE seq >= 3 ORDER BY seq`)) as AuditEntry[];
    let prevHash = (await hub().query('SELECT hash FROM audit_log WHERE seq = 2'))[0].hash as string;
    await asSuperuser(hub(), 'audit_log', async () => {
      for (const row of rows) {
        const rewritten = { ...row, reason: row.seq === '3' ? 'nothing to see here' : row.reason, prevHash };
        const hash = entryHash(rewritten);
        await hub().query('UPDATE audit_log SET reason = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [row.seq, rewritten.reason, prevHash, hash]);
        prevHash = hash;
      }
    });
    const run = await verify();
    expect(run.stdout).toMatch(/^audit chain intact/); // the rewrite is consistent on its own
    for (const agency of AGENCIES) {
      expect(run.stdout).toContain(`${agency}: checkpoint seq ${checkpointSeq} signed`);
    }
    expect(run.stdout).toMatch(new RegExp(`the hub's entry ${checkpointSeq} has hash [0-9a-f]{12}\\.\\.\\., the gateway signed [0-9a-f]{12}\\.\\.\\.: the log was rewritten and rehashed`));
    expect(run.status).toBe(1);
  });

  it('catches the newest entries deleted by a superuser, which leaves a shorter chain that is still whole', async () => {
    await asSuperuser(hub(), 'audit_log', () => hub().query('DELETE FROM audit_log WHERE seq >= $1', [checkpointSeq - 1]));
    const run = await verify();
    expect(run.stdout).toMatch(new RegExp(`^audit chain intact: ${checkpointSeq - 2} entries`));
    expect(run.stdout).toContain(`police: checkpoint seq ${checkpointSeq} signed`);
    expect(run.stdout).toContain(`the hub's log ends at seq ${checkpointSeq - 2}, so entries signed for were removed from its end (truncation)`);
    expect(run.status).toBe(1);
  });
});
