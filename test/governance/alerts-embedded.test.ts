import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@mash/shared';
import { createLogger } from '@mash/shared';
import { acknowledgeAlert, AlertScanner, AlertScheduler } from '@mash/gateway/dist/alerts';
import { AuditDecision, AuditKind } from '@mash/gateway/dist/audit';
import { hubEntities, hubMigrations } from '@mash/gateway/dist/hub/data-source';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { emptyEmbeddedDatabase } from '../support/embedded';
import { appendDated } from './alerts-support';

// The embedded mode (PGlite, one session): the migrations, the scan's SQL (advisory lock,
// jsonb_to_recordset, the trigger's to_jsonb) and the acknowledgement, whatever TEST_DATABASE_URL says.
describe('alerts on the embedded database', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-alerts-embedded-'));
  let db: Database;

  beforeAll(async () => {
    // An empty embedded database copied from the test template (initdb in WebAssembly is slow).
    await emptyEmbeddedDatabase(path.join(folder, 'hub'));
    db = await openDatabase({ service: 'hub-alerts-embedded', embeddedPath: path.join(folder, 'hub'), entities: hubEntities, migrations: hubMigrations });
    await db.dataSource.runMigrations();
    await hubServices(db.dataSource).policies.ensureDefault('test');
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('raises, acknowledges once and keeps an alert there too', async () => {
    const hub = db.dataSource;
    const { cases } = hubServices(hub);
    const actor = { userId: 'triage-1', roles: ['mash-triage'] };
    const referral = {
      referrerName: 'A school', concern: 'Embedded test', pathway: 'CHILDREN', consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: false, rag: 'GREEN', ragRationale: 'Advice',
      subjects: [{ householdRole: 'CHILD', givenName: 'Em', familyName: 'Bedded', dateOfBirth: '2014-02-03' }],
    } as never;
    const received = await cases.receiveReferral(referral, actor);
    await cases.rateCase({ caseId: received.id, rag: 'AMBER', rationale: 'Worse' } as never, actor);
    await appendDated(hub, [{ input: { kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.ALLOWED, actorId: 'triage-1', caseId: received.id, agency: 'health', rule: 'amber-red-triage' }, at: new Date() }]);

    const scanner = new AlertScanner(hub);
    const report = await scanner.scan({ wait: true });
    // The fetch is dated now: after working hours it is also an OUT_OF_HOURS alert, in hours not.
    const kinds = (await hub.query(`SELECT kind FROM governance_alert ORDER BY kind`)).map((row: { kind: string }) => row.kind);
    expect(report).toMatchObject({ ran: true, raised: kinds.length });
    expect(kinds.filter((kind: string) => kind !== 'OUT_OF_HOURS')).toEqual(['RATING_RAISED_THEN_FETCHED']);
    expect(report.notes).toEqual([expect.stringMatching(/disclosure logs not reachable .*police, social-care, health, education/)]);
    expect((await scanner.scan()).raised).toBe(0);
    const [alert] = await hub.query(`SELECT id, kind, user_id AS "userId" FROM governance_alert WHERE kind = 'RATING_RAISED_THEN_FETCHED'`);
    expect(alert).toMatchObject({ kind: 'RATING_RAISED_THEN_FETCHED', userId: 'triage-1' });

    const governance = { id: 'gov-1', name: null, roles: ['governance' as const], organisation: null, agency: null };
    const acknowledged = await acknowledgeAlert(hub, alert.id, 'Looked at it', governance, null);
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'gov-1', note: 'Looked at it' });
    await expect(acknowledgeAlert(hub, alert.id, 'Again', governance, null)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await hub.query(`SELECT actor_id FROM audit_log WHERE kind = 'ALERT_REVIEW'`)).toEqual([{ actor_id: 'gov-1' }]);
    await expect(hub.query('DELETE FROM governance_alert')).rejects.toThrow(/append-only/);
  });

  it('runs the scan from the gateway\'s scheduler (interval 0: only when ticked) up to the log\'s head', async () => {
    const hub = db.dataSource;
    const scheduler = new AlertScheduler({ hub, config: { intervalMs: 0, disclosureDatabaseUrls: {} }, logger: createLogger('gateway') });
    await scheduler.start();
    await appendDated(hub, [{ input: { kind: AuditKind.AUDIT_READ, decision: AuditDecision.ALLOWED, actorId: 'gov-1', reason: 'scheduler test' }, at: new Date() }]);
    await scheduler.tick();
    await scheduler.stop();
    const [{ head }] = await hub.query('SELECT max(seq)::text AS head FROM audit_log');
    expect(await hub.query(`SELECT position::text AS position FROM governance_alert_watermark WHERE source = 'access-log'`)).toEqual([{ position: head }]);
  });
});
