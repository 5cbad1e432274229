import { AuditLog } from '@mash/gateway/dist/audit';
import { DomesticAbuseIntake } from '@mash/gateway/dist/screening';
import { startFederation, type Federation } from '../support/federation';
import { domesticAbuseHouseholds, notificationOf } from './support';

const RECEIVE = `mutation($input: DomesticAbuseNotificationInput!) {
  receiveDomesticAbuseNotification(input: $input) { id policeReference status dashRisk childrenPresent personCount receivedBy }
}`;
const QUEUE = `query($limit: Int) {
  domesticAbuseQueue(limit: $limit) { id policeReference receivedAt waitingHours waitingDays dashRisk status }
}`;
const STATS = '{ domesticAbuseQueueStats { waiting waitingStandard waitingMedium waitingWithChildren oldestHours medianHours over7Days over28Days screenedLast7Days } }';
const SCREEN = 'mutation($input: ScreenDomesticAbuseNotificationInput!) { screenDomesticAbuseNotification(input: $input) { id status outcome consentRecorded screenedBy onwardNotifications { status } } }';
const HOUR = 3_600_000;

describe('the domestic abuse screening queue', () => {
  let federation: Federation;
  let police: string;
  let triage: string;
  let governance: string;
  const households = domesticAbuseHouseholds();
  const count = async (sql: string, params: unknown[] = []) => Number((await federation.hub.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    federation = await startFederation({ people: 400 });
    [police, triage, governance] = await Promise.all([
      federation.token({ role: 'agency-admin', agency: 'police', sub: 'warwickshire-police-system' }),
      federation.token({ role: 'mash-triage', sub: 'screener-1' }),
      federation.token({ role: 'governance', sub: 'dpo-1' }),
    ]);
  });
  afterAll(() => federation?.stop());

  it("takes notifications only from the police force's system", async () => {
    const input = notificationOf('WK/Q/0001', households[0]);
    for (const token of [triage, await federation.token({ role: 'agency-admin', agency: 'health' }), await federation.token({ role: 'mash-manager' })]) {
      const { body } = await federation.query(RECEIVE, { input }, token);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await federation.query(RECEIVE, { input }, null)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await count(`SELECT count(*) AS n FROM da_notification WHERE police_reference = 'WK/Q/0001'`)).toBe(0);
  });

  it('is idempotent on the police reference: a retried send makes one notification; other details under it are refused', async () => {
    const input = notificationOf('WK/Q/0002', households[0]);
    const first = await federation.query(RECEIVE, { input }, police);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.receiveDomesticAbuseNotification).toMatchObject({ policeReference: 'WK/Q/0002', status: 'WAITING', personCount: 2, receivedBy: 'warwickshire-police-system' });
    const again = await federation.query(RECEIVE, { input }, police);
    expect(again.body.data.receiveDomesticAbuseNotification.id).toBe(first.body.data.receiveDomesticAbuseNotification.id);
    expect(await count(`SELECT count(*) AS n FROM da_notification WHERE police_reference = 'WK/Q/0002'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM da_person p JOIN da_notification n ON n.id = p.notification_id WHERE n.police_reference = 'WK/Q/0002'`)).toBe(2);

    const changed = await federation.query(RECEIVE, { input: { ...input, dashRisk: 'MEDIUM' } }, police);
    expect(changed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'policeReference' });
    // Each send is audited, with ids and codes only.
    const entries = await federation.hub.dataSource.query(`SELECT reason FROM audit_log WHERE rule = 'RECEIVE_DA_NOTIFICATION' AND case_id = $1 ORDER BY seq`, [first.body.data.receiveDomesticAbuseNotification.id]);
    expect(entries.map((entry: { reason: string }) => entry.reason)).toEqual(['risk=STANDARD childrenPresent=true people=2 children=1', 'repeat of a notification already received: nothing written']);
    expect(JSON.stringify(entries)).not.toContain(households[0].child.familyName);
  });

  it('refuses HIGH risk and bad people as BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM da_notification');
    const high = await federation.query(RECEIVE, { input: notificationOf('WK/Q/0003', households[0], { dashRisk: 'HIGH' }) }, police);
    expect(high.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dashRisk' });
    expect(high.body.errors[0].message).toContain('MARAC');
    const badChild = notificationOf('WK/Q/0004', households[0]);
    badChild.people[1] = { ...badChild.people[1], upn: 'G937200124009' };
    const bad = await federation.query(RECEIVE, { input: badChild }, police);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'people[1].upn' });
    expect(await count('SELECT count(*) AS n FROM da_notification')).toBe(before);
  });

  it('lists the waiting oldest first with their age, and counts them as SQL does', async () => {
    const intake = new DomesticAbuseIntake(federation.hub.dataSource, AuditLog.for(federation.hub.dataSource));
    const actor = { userId: 'warwickshire-police-system', roles: ['agency-admin'], organisation: 'police' };
    const now = Date.now();
    for (const [reference, hoursAgo] of [['WK/Q/AGE-30D', 30 * 24 + 1], ['WK/Q/AGE-8D', 8 * 24 + 2], ['WK/Q/AGE-5H', 5]] as const) {
      await intake.receive(notificationOf(reference, households[1], { incidentAt: new Date(now - (hoursAgo + 3) * HOUR) }) as never, actor, new Date(now - hoursAgo * HOUR));
    }
    const { body } = await federation.query(QUEUE, { limit: 500 }, triage);
    expect(body.errors).toBeUndefined();
    const rows: { policeReference: string; receivedAt: string; waitingHours: number; waitingDays: number; status: string }[] = body.data.domesticAbuseQueue;
    const received = rows.map((row) => Date.parse(row.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(rows.every((row) => row.status === 'WAITING')).toBe(true);
    const byReference = new Map(rows.map((row) => [row.policeReference, row]));
    expect(byReference.get('WK/Q/AGE-30D')).toMatchObject({ waitingHours: 30 * 24 + 1, waitingDays: 30 });
    expect(byReference.get('WK/Q/AGE-8D')).toMatchObject({ waitingHours: 8 * 24 + 2, waitingDays: 8 });
    expect(byReference.get('WK/Q/AGE-5H')).toMatchObject({ waitingHours: 5, waitingDays: 0 });
    const order = ['WK/Q/AGE-30D', 'WK/Q/AGE-8D', 'WK/Q/AGE-5H'].map((reference) => rows.findIndex((row) => row.policeReference === reference));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The demo seed's notifications wait too, some over four weeks.
    expect(rows.filter((row) => row.policeReference.startsWith('WK-DA-') && row.waitingDays > 28).length).toBeGreaterThan(0);

    const stats = (await federation.query(STATS, {}, triage)).body.data.domesticAbuseQueueStats;
    const waiting = await federation.hub.dataSource.query(`SELECT received_at, dash_risk, children_present FROM da_notification WHERE status = 'WAITING'`);
    const ages = waiting.map((row: { received_at: Date }) => (Date.now() - row.received_at.getTime()) / HOUR).sort((a: number, b: number) => a - b);
    const middle = ages.length / 2;
    const median = ages.length % 2 ? ages[Math.floor(middle)] : (ages[middle - 1] + ages[middle]) / 2;
    expect(stats).toMatchObject({
      waiting: waiting.length,
      waitingStandard: waiting.filter((row: { dash_risk: string }) => row.dash_risk === 'STANDARD').length,
      waitingMedium: waiting.filter((row: { dash_risk: string }) => row.dash_risk === 'MEDIUM').length,
      waitingWithChildren: waiting.filter((row: { children_present: boolean }) => row.children_present).length,
      over7Days: ages.filter((age: number) => age > 7 * 24).length,
      over28Days: ages.filter((age: number) => age > 28 * 24).length,
    });
    expect(stats.oldestHours).toBeCloseTo(ages[ages.length - 1], 0);
    expect(stats.medianHours).toBeCloseTo(median, 0);
    expect(stats.over28Days).toBeGreaterThanOrEqual(2);
  });

  it('refuses an early-help offer without consent recorded, writing nothing, and records one with it', async () => {
    const received = await federation.query(RECEIVE, { input: notificationOf('WK/Q/0005', households[0], { childrenPresent: false }) }, police);
    const id = received.body.data.receiveDomesticAbuseNotification.id;
    const audited = await count('SELECT count(*) AS n FROM audit_log');
    for (const consentRecorded of [false, null]) {
      const { body } = await federation.query(SCREEN, { input: { id, outcome: 'EARLY_HELP_OFFER', rationale: 'Mother asks for support', consentRecorded } }, triage);
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consentRecorded' });
    }
    expect(await count(`SELECT count(*) AS n FROM da_notification WHERE id = $1 AND status = 'WAITING' AND claimed_by IS NULL`, [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(audited);

    const ok = await federation.query(SCREEN, { input: { id, outcome: 'EARLY_HELP_OFFER', rationale: 'Mother asks for support', consentRecorded: true } }, triage);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.screenDomesticAbuseNotification).toMatchObject({ status: 'SCREENED', outcome: 'EARLY_HELP_OFFER', consentRecorded: true, screenedBy: 'screener-1', onwardNotifications: [] });
    const again = await federation.query(SCREEN, { input: { id, outcome: 'NO_FURTHER_ACTION', rationale: 'Twice' } }, triage);
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const [entry] = await federation.hub.dataSource.query(`SELECT actor_id, reason FROM audit_log WHERE rule = 'SCREEN_DA_NOTIFICATION' AND case_id = $1`, [id]);
    expect(entry).toEqual({ actor_id: 'screener-1', reason: 'outcome=EARLY_HELP_OFFER consentRecorded=true case=none onward=0' });
  });

  it('lets one of two screeners at once escalate a notification, opening one case', async () => {
    const received = await federation.query(RECEIVE, { input: notificationOf('WK/Q/0006', households[2]) }, police);
    const id = received.body.data.receiveDomesticAbuseNotification.id;
    const other = await federation.token({ role: 'mash-manager', sub: 'screener-3' });
    const input = { id, outcome: 'ESCALATE_TO_CASE', rationale: 'Repeat incidents at the address' };
    const answers = await Promise.all([triage, other].map((token) => federation.query(SCREEN, { input }, token)));
    const won = answers.filter(({ body }) => !body.errors);
    expect(won).toHaveLength(1);
    expect(answers.find(({ body }) => body.errors)!.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await count(`SELECT count(*) AS n FROM mash_case WHERE idempotency_key = $1`, [`da-notification:${id}`])).toBe(1);
    // Unrated, the new case opens nothing: the school could not be looked up, and says why.
    expect(won[0].body.data.screenDomesticAbuseNotification).toMatchObject({ outcome: 'ESCALATE_TO_CASE', onwardNotifications: [{ status: 'RECIPIENT_NOT_FOUND' }] });
    const [{ referral_source, subjects }] = await federation.hub.dataSource.query(
      `SELECT c.referral_source, (SELECT array_agg(household_role ORDER BY household_role) FROM mash_subject s WHERE s.case_id = c.id) AS subjects
         FROM mash_case c JOIN da_notification n ON n.case_id = c.id WHERE n.id = $1`,
      [id],
    );
    expect({ referral_source, subjects }).toEqual({ referral_source: '6', subjects: ['CHILD', 'PARENT'] });
  });

  it('shows governance the queue pseudonymised, and logs who read whose details', async () => {
    const query = '{ domesticAbuseQueue(limit: 1) { id policeReference waitingDays summary people { familyName } } }';
    const since = await count('SELECT max(seq) AS n FROM audit_log');
    const { body } = await federation.query(query, {}, governance);
    const [row] = body.data.domesticAbuseQueue;
    expect(row).toMatchObject({ policeReference: expect.any(String), summary: null, people: null });
    expect(body.errors.map((error: { path: string[]; extensions: { code: string } }) => [error.path.at(-1), error.extensions.code]).sort()).toEqual([['people', 'FORBIDDEN'], ['summary', 'FORBIDDEN']]);

    const named = await federation.query(query, {}, triage);
    expect(named.body.errors).toBeUndefined();
    expect(named.body.data.domesticAbuseQueue[0].people.length).toBeGreaterThan(0);
    const reads = await federation.hub.dataSource.query(`SELECT actor_id, fields, rule, reason FROM audit_log WHERE kind = 'CASE_READ' AND case_id = $1 AND seq > $2 ORDER BY seq`, [row.id, since]);
    expect(reads).toEqual([
      expect.objectContaining({ actor_id: 'dpo-1', rule: 'case-register-pseudonymised', reason: expect.stringContaining('withheld DomesticAbuseNotification.people, DomesticAbuseNotification.summary') }),
      expect.objectContaining({ actor_id: 'screener-1', rule: 'case-register-named', fields: expect.arrayContaining(['DomesticAbuseNotification.summary', 'DomesticAbusePerson.familyName']) }),
    ]);
  });
});
