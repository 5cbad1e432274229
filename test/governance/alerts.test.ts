import { randomUUID } from 'node:crypto';
import { AGENCIES } from '@mash/shared';
import { AlertScanner, SCAN_LOCK } from '@mash/gateway/dist/alerts';
import { AuditDecision, AuditKind } from '@mash/gateway/dist/audit';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import type { PolicyDocument } from '@mash/gateway/dist/policy';
import { startFederation, type Federation } from '../support/federation';
import { activatePolicy, appendDated, forgeDisclosure, noonZone } from './alerts-support';

// Issue 12 part 7, through the real federation: each alert fires on a scripted scenario and not
// on ordinary use; acknowledgement is recorded once; a rescan raises nothing twice; thresholds
// come from the active policy.
const RECEIVE = 'mutation($input: ReferralInput!) { receiveReferral(input: $input) { id } }';
const RATE = 'mutation($input: RateCaseInput!) { rateCase(input: $input) { ratingConfirmation } }';
const CONFIRM = 'mutation($caseId: ID!) { confirmRating(caseId: $caseId, rationale: "Agreed after reading the referral") { ratingConfirmation } }';
const CONSENT = 'mutation($input: ConsentInput!) { recordConsent(input: $input) { consentStatus } }';
const VIEW = 'query($id: ID!) { case(id: $id) { subjects { police { status } health { status } } } }';
const SCAN = 'mutation { scanGovernanceAlerts { ran raised entriesScanned disclosuresScanned accessLogSeq policyVersion notes } }';
const ALERTS = `query($status: GovernanceAlertStatus, $kind: GovernanceAlertKind, $first: Int, $after: String) {
  governanceAlerts(status: $status, kind: $kind, first: $first, after: $after) {
    totalCount hasNextPage endCursor
    alerts { id ruleId kind severity userId caseId agency from to summary policyVersion status acknowledgedBy acknowledgedAt note evidence { log agency seq id } }
  } }`;
const ACK = 'mutation($id: ID!, $note: String!) { acknowledgeGovernanceAlert(id: $id, note: $note) { id status acknowledgedBy acknowledgedAt note } }';

describe('alerts for governance review', () => {
  let federation: Federation;
  const tokens: Record<string, string> = {};
  let serial = 0;

  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) => (await federation.query(query, variables, tokens[who])).body;
  const ok = async (who: string, query: string, variables: Record<string, unknown> = {}) => {
    const body = await gql(who, query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const scan = async () => (await ok('gov1', SCAN)).scanGovernanceAlerts;
  const alerts = async (variables: Record<string, unknown> = {}) => (await ok('gov1', ALERTS, { first: 200, ...variables })).governanceAlerts;
  const kinds = (page: { alerts: { kind: string }[] }) => page.alerts.map((alert) => alert.kind).sort();

  async function receive(who: string, rag: string | null): Promise<string> {
    serial += 1;
    const input = {
      referrerName: 'A school', concern: 'Made-up concern for the alerts test',
      ...(rag ? { rag, ragRationale: 'Test rating' } : {}),
      subjects: [{ householdRole: 'CHILD', givenName: 'Alert', familyName: `Scenario${serial}`, dateOfBirth: '2014-02-03' }],
    };
    return (await ok(who, RECEIVE, { input })).receiveReferral.id;
  }
  /** A triage screen's view of the case: one agency fetch per agency asked, allowed or denied. */
  const view = (who: string, caseId: string) => gql(who, VIEW, { id: caseId });
  const usePolicy = (change: (policy: PolicyDocument) => void = () => undefined) =>
    activatePolicy(hubServices(federation.hub.dataSource).policies, (policy) => {
      // Working hours around the clock's noon wherever the suite runs: ordinary fetches are in hours.
      policy.workingCalendar = { ...policy.workingCalendar, timeZone: noonZone(), workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], bankHolidays: 'none' };
      change(policy);
    });

  beforeAll(async () => {
    federation = await startFederation({ people: 200 });
    for (const [who, role] of [['triageA', 'mash-triage'], ['triageB', 'mash-triage'], ['triageC', 'mash-triage'], ['triageD', 'mash-triage'], ['manager', 'mash-manager'], ['gov1', 'governance'], ['gov2', 'governance']]) {
      tokens[who] = await federation.token({ role: role as 'mash-triage', sub: who });
    }
    // What MASH_ALERT_<AGENCY>_DATABASE_URL gives a deployed gateway: read access to each agency's disclosure log.
    AlertScanner.for(federation.hub.dataSource).useDisclosureLogs(Object.fromEntries(AGENCIES.map((agency) => [agency, federation.agencies[agency].database.dataSource])));
    await usePolicy();
  });
  afterAll(() => federation?.stop());

  it('raises nothing for the seeded hub and an ordinary day, and checks every disclosure against the grants', async () => {
    expect(await scan()).toMatchObject({ ran: true, raised: 0, notes: [] });
    const amber = await receive('triageA', null);
    expect((await ok('triageA', RATE, { input: { caseId: amber, rag: 'AMBER', rationale: 'Needs research' } })).rateCase.ratingConfirmation).toBe('AWAITING_CONFIRMATION');
    await ok('triageB', CONFIRM, { caseId: amber });
    expect((await view('triageB', amber)).errors).toBeUndefined();
    const red = await receive('triageA', null);
    await ok('manager', RATE, { input: { caseId: red, rag: 'RED', rationale: 'Immediate risk' } });
    expect((await view('manager', red)).errors).toBeUndefined();
    const report = await scan();
    expect(report).toMatchObject({ ran: true, raised: 0 });
    expect(report.disclosuresScanned).toBeGreaterThanOrEqual(4);
    expect((await alerts()).totalCount).toBe(0);
  });

  it('RATING_RAISED_THEN_FETCHED: GREEN re-rated RED by the same triage officer who then reads the agencies', async () => {
    const caseId = await receive('triageA', 'GREEN');
    await ok('triageA', RATE, { input: { caseId, rag: 'RED', rationale: 'Escalating' } });
    expect((await view('triageA', caseId)).errors).toBeUndefined();
    expect((await scan()).raised).toBe(1);
    const [alert] = (await alerts({ kind: 'RATING_RAISED_THEN_FETCHED' })).alerts;
    expect(alert).toMatchObject({ ruleId: 'rating-raised-then-fetched', severity: 'MEDIUM', userId: 'triageA', caseId, status: 'OPEN' });
    expect(alert.summary).toMatch(new RegExp(`re-rated case ${caseId} from GREEN to RED`));
    const [rating] = await federation.hub.dataSource.query(`SELECT seq::text AS seq FROM audit_log WHERE case_id = $1 AND rule = 'RATE_CASE'`, [caseId]);
    expect(alert.evidence[0]).toEqual(expect.objectContaining({ log: 'ACCESS_LOG', seq: rating.seq }));
    expect(alert.evidence.length).toBeGreaterThanOrEqual(3); // the rating and the fetches from police and health
  });

  it('CONSENT_RECORDED_AND_USED: consent recorded and the case read by the same user within minutes', async () => {
    const caseId = await receive('triageA', 'AMBER');
    await ok('triageB', CONFIRM, { caseId });
    const consent = { caseId, status: 'GIVEN', earlyHelpSharing: true, givenBy: 'mother', method: 'VERBAL' };
    expect((await ok('triageB', CONSENT, { input: consent })).recordConsent.consentStatus).toBe('GIVEN');
    await view('triageB', caseId);
    expect((await scan()).raised).toBe(1);
    expect((await alerts({ kind: 'CONSENT_RECORDED_AND_USED' })).alerts).toEqual([expect.objectContaining({ userId: 'triageB', caseId })]);
  });

  it('REPEATED_DENIALS: the policy\'s count decides (3 refusals: nothing at 5, an alert at 3)', async () => {
    const green = await receive('triageA', 'GREEN');
    for (let i = 0; i < 3; i += 1) expect((await view('triageC', green)).errors[0].extensions.code).toBe('ISA_DENIED');
    expect((await scan()).raised).toBe(0);
    const version = await usePolicy((policy) => {
      policy.alerts!.rules.find((rule) => rule.kind === 'REPEATED_DENIALS')!.count = 3;
    });
    for (let i = 0; i < 3; i += 1) await view('triageD', green);
    const report = await scan();
    expect(report).toMatchObject({ raised: 1, policyVersion: version });
    const [alert] = (await alerts({ kind: 'REPEATED_DENIALS' })).alerts;
    expect(alert).toMatchObject({ userId: 'triageD', caseId: green, policyVersion: version });
    expect(alert.summary).toMatch(/refused agency data in 3 request\(s\)/);
    expect(alert.evidence).toHaveLength(3 * 2); // three requests, each refused by the two agencies the view asks
  });

  it('UNISSUED_GRANT: a disclosure in police\'s own log under a grant id the hub never issued', async () => {
    // Inserted straight into the agency's log (through its append function): the hub can only
    // ever see such a row there, which is the point of the check.
    const grantId = randomUUID();
    const seq = await forgeDisclosure(federation.agencies.police.database.dataSource, { grantId, caseId: randomUUID(), userId: 'someone', subjectId: randomUUID() });
    expect((await scan()).raised).toBe(1);
    const [alert] = (await alerts({ kind: 'UNISSUED_GRANT' })).alerts;
    expect(alert).toMatchObject({ ruleId: 'unissued-grant', severity: 'HIGH', agency: 'police', userId: 'someone', evidence: [{ log: 'DISCLOSURE_LOG', agency: 'police', seq, id: expect.any(String) }] });
    expect(alert.summary).toContain(`under grant ${grantId}, which the hub never issued to police`);
  });

  it('time-dependent rules on dated test data: an urgent RED left unreviewed, out-of-hours, unusual volume', async () => {
    const { cases } = hubServices(federation.hub.dataSource);
    const hours = (n: number) => new Date(Date.now() - n * 3_600_000);
    const subject = () => ({ householdRole: 'CHILD', givenName: 'Dated', familyName: `Scenario${(serial += 1)}`, dateOfBirth: '2014-02-03' }) as never;
    const referral = (rag: string) => ({ referrerName: 'A school', concern: 'Dated test', pathway: 'CHILDREN', consentStatus: 'NOT_SOUGHT', consentEarlyHelpSharing: false, rag, ragRationale: 'Test', subjects: [subject()] }) as never;
    // Urgent RED three hours ago: one left open, one confirmed after half an hour.
    const open = await cases.receiveReferral(referral('RED'), { userId: 'triage-night', roles: ['mash-triage'] }, hours(3));
    const reviewed = await cases.receiveReferral(referral('RED'), { userId: 'triage-night', roles: ['mash-triage'] }, hours(3));
    await cases.confirmRating({ caseId: reviewed.id, rationale: 'Confirmed' }, { userId: 'manager-night', roles: ['mash-manager'] }, hours(2.5));
    // An AMBER case (rated eleven hours ago) fetched ten hours ago: about 02:00 in the calendar's zone.
    const amber = await cases.receiveReferral(referral('AMBER'), { userId: 'manager-night', roles: ['mash-manager'] }, hours(11));
    const fetch = (actorId: string, caseId: string) => ({ kind: AuditKind.AGENCY_FETCH, decision: AuditDecision.ALLOWED, actorId, caseId, agency: 'police', rule: 'amber-red-triage', reason: 'dated test fetch' });
    await appendDated(federation.hub.dataSource, [{ input: fetch('night-owl', amber.id), at: hours(10) }]);
    // Volume: 31 fetches today for someone with no history; 31 for someone who does 20 a day.
    const today = Array.from({ length: 31 }, (_, i) => ({ at: new Date(Date.now() - i * 1000), caseId: randomUUID() }));
    const history = Array.from({ length: 28 * 20 }, (_, i) => ({ at: new Date(Date.now() - (1 + Math.floor(i / 20)) * 86_400_000), caseId: randomUUID() }));
    await appendDated(federation.hub.dataSource, [
      ...history.map(({ at, caseId }) => ({ input: fetch('busy-usual', caseId), at })),
      ...today.map(({ at, caseId }) => ({ input: fetch('busy-usual', caseId), at })),
      ...today.map(({ at, caseId }) => ({ input: fetch('busy-new', caseId), at })),
    ]);
    expect((await scan()).raised).toBe(3);
    const raised = (await alerts({ status: 'OPEN' })).alerts.filter((alert: any) => ['URGENT_RATING_UNREVIEWED', 'OUT_OF_HOURS', 'UNUSUAL_VOLUME'].includes(alert.kind));
    expect(raised.map((alert: any) => [alert.kind, alert.userId, alert.caseId]).sort()).toEqual([
      ['OUT_OF_HOURS', 'night-owl', amber.id],
      ['UNUSUAL_VOLUME', 'busy-new', null],
      ['URGENT_RATING_UNREVIEWED', 'triage-night', open.id],
    ]);
  });

  it('records an acknowledgement once (row and access log), and refuses an empty note, a second one and non-governance users', async () => {
    const [alert] = (await alerts({ kind: 'RATING_RAISED_THEN_FETCHED' })).alerts;
    const empty = await gql('gov1', ACK, { id: alert.id, note: '   ' });
    expect(empty.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(empty.errors[0].message).toMatch(/note: is required/);
    const acknowledged = (await ok('gov1', ACK, { id: alert.id, note: 'Asked triageA: new information from the school; re-rating justified.' })).acknowledgeGovernanceAlert;
    expect(acknowledged).toMatchObject({ id: alert.id, status: 'ACKNOWLEDGED', acknowledgedBy: 'gov1', note: 'Asked triageA: new information from the school; re-rating justified.' });
    const [row] = await federation.hub.dataSource.query('SELECT status, acknowledged_by, note FROM governance_alert WHERE id = $1', [alert.id]);
    expect(row).toEqual({ status: 'ACKNOWLEDGED', acknowledged_by: 'gov1', note: acknowledged.note });
    const logged = await federation.hub.dataSource.query(`SELECT actor_id, decision, rule, case_id, reason FROM audit_log WHERE kind = 'ALERT_REVIEW'`);
    expect(logged).toEqual([{ actor_id: 'gov1', decision: 'RECORDED', rule: 'rating-raised-then-fetched', case_id: alert.caseId, reason: expect.stringContaining(`alert=${alert.id}`) }]);
    expect(logged[0].reason).not.toContain('school');

    const again = await gql('gov2', ACK, { id: alert.id, note: 'Me too' });
    expect(again.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(again.errors[0].message).toMatch(/already acknowledged by gov1/);
    expect((await gql('gov2', ACK, { id: randomUUID(), note: 'x' })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    for (const query of [ALERTS, SCAN]) expect((await gql('manager', query, { first: 5 })).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('triageA', ACK, { id: alert.id, note: 'x' })).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await alerts({ status: 'ACKNOWLEDGED' })).alerts.map((item: any) => item.id)).toEqual([alert.id]);
  });

  it('keeps alerts append-only in the database, and a rescan from the start raises none twice', async () => {
    const hub = federation.hub.dataSource;
    const before = (await alerts()).totalCount;
    await expect(hub.query('DELETE FROM governance_alert')).rejects.toThrow(/append-only/);
    await expect(hub.query(`UPDATE governance_alert SET summary = 'edited' WHERE status = 'OPEN'`)).rejects.toThrow(/only change allowed/);
    await expect(hub.query(`UPDATE governance_alert SET status = 'OPEN', acknowledged_by = NULL, acknowledged_at = NULL, note = NULL WHERE status = 'ACKNOWLEDGED'`)).rejects.toThrow(/only change allowed/);
    // Back to the default thresholds (triageC's three refusals would be a new finding at count 3),
    // and every source read again from its start.
    await usePolicy();
    await hub.query('UPDATE governance_alert_watermark SET position = 0, scanned_at = NULL');
    const rescan = await scan();
    expect(rescan.raised).toBe(0);
    expect(BigInt(rescan.entriesScanned)).toBeGreaterThan(600n);
    expect((await alerts()).totalCount).toBe(before);
  });

  it('is single-flight across gateways: a scan finding another under way skips, or waits when asked to', async () => {
    const hub = federation.hub.dataSource;
    if (!(hub.options as { url?: string }).url) return; // embedded: one session, nothing can scan beside it
    // Another gateway's scan, as far as the lock is concerned.
    const other = hub.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query('SELECT pg_advisory_xact_lock($1::bigint)', [SCAN_LOCK]);
    try {
      expect((await new AlertScanner(hub).scan({ wait: false })).ran).toBe(false);
      let finished = false;
      const waiting = new AlertScanner(hub).scan({ wait: true }).finally(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      await other.commitTransaction();
      expect((await waiting).ran).toBe(true);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it('pages newest first with a cursor bound to its filters', async () => {
    const all = await alerts();
    expect(all.totalCount).toBe(7);
    const first = await alerts({ first: 3 });
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 7 });
    const rest = await alerts({ first: 10, after: first.endCursor });
    expect([...first.alerts, ...rest.alerts].map((alert: any) => alert.id)).toEqual(all.alerts.map((alert: any) => alert.id));
    expect(rest.hasNextPage).toBe(false);
    const mixed = await gql('gov1', ALERTS, { first: 3, after: first.endCursor, status: 'OPEN' });
    expect(mixed.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(kinds(all)).toEqual(['CONSENT_RECORDED_AND_USED', 'OUT_OF_HOURS', 'RATING_RAISED_THEN_FETCHED', 'REPEATED_DENIALS', 'UNISSUED_GRANT', 'UNUSUAL_VOLUME', 'URGENT_RATING_UNREVIEWED']);
  });
});
