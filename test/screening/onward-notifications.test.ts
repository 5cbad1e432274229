import { nextSchoolDayStart, schoolCalendar } from '@mash/gateway/dist/notifications/school-day';
import { startFederation, type Federation } from '../support/federation';
import { domesticAbuseHouseholds, eventually, notificationOf, startNotifyingGateway, startRecipientEndpoint } from './support';

const RECEIVE = 'mutation($input: DomesticAbuseNotificationInput!) { receiveDomesticAbuseNotification(input: $input) { id } }';
const SCREEN = `mutation($input: ScreenDomesticAbuseNotificationInput!) {
  screenDomesticAbuseNotification(input: $input) {
    id status outcome caseId screenedAt
    onwardNotifications { id kind status failureCode failureReason recipientCode recipientName recipientContact dueAt }
  }
}`;
const OUTBOX = `query($status: OnwardNotificationStatus) {
  notificationOutbox(status: $status, limit: 500) { id notificationId kind status failureCode recipientCode attempts dueAt deliveredAt late attemptLog { attempt outcome httpStatus } }
}`;
const RETRY = 'mutation($id: ID!) { retryNotification(id: $id) { id status failureCode recipientCode } }';

describe('onward notifications: Operation Encompass through the outbox', () => {
  let federation: Federation;
  let endpoint: Awaited<ReturnType<typeof startRecipientEndpoint>>;
  let hub: Awaited<ReturnType<typeof startNotifyingGateway>>;
  let police: string;
  let triage: string;
  let manager: string;
  const households = domesticAbuseHouseholds();
  let next = 0;
  const educationRequests = () => federation.agencies.education.requests;

  /** A new notification about the next household, and its screening by `token`. */
  async function screened(outcome: string, token: string, extra: Record<string, unknown> = {}) {
    const family = households[next++ % households.length];
    const received = await hub.query(RECEIVE, { input: notificationOf(`WK/ON/${String(next).padStart(4, '0')}`, family) }, police);
    expect(received.errors).toBeUndefined();
    const body = await hub.query(SCREEN, { input: { id: received.data.receiveDomesticAbuseNotification.id, outcome, rationale: 'Screened in the test', ...extra } }, token);
    expect(body.errors).toBeUndefined();
    return { family, notification: body.data.screenDomesticAbuseNotification };
  }

  async function outboxRow(id: string) {
    const body = await hub.query(OUTBOX, {}, manager);
    return body.data.notificationOutbox.find((row: { id: string }) => row.id === id);
  }

  beforeAll(async () => {
    federation = await startFederation({ people: 400 });
    endpoint = await startRecipientEndpoint();
    hub = await startNotifyingGateway(federation, { defaultEndpoint: `${endpoint.url}/inbox` });
    [police, triage, manager] = await Promise.all([
      federation.token({ role: 'agency-admin', agency: 'police', sub: 'warwickshire-police-system' }),
      federation.token({ role: 'mash-triage', sub: 'screener-2' }),
      federation.token({ role: 'mash-manager', sub: 'manager-2' }),
    ]);
    expect(households.length).toBeGreaterThanOrEqual(5);
  });
  afterAll(async () => {
    await hub?.gateway.stop();
    await endpoint?.stop();
    await federation?.stop();
  });

  it("tells the child's school before the next school day, retrying a failed delivery, every attempt audited", async () => {
    endpoint.failFirst = 1;
    const { family, notification } = await screened('ESCALATE_TO_CASE', manager, { rag: 'RED' });
    expect(notification.caseId).toEqual(expect.any(String));
    const [queued] = notification.onwardNotifications;
    expect(queued).toMatchObject({ kind: 'OPERATION_ENCOMPASS', status: 'PENDING', failureCode: null, recipientCode: expect.stringMatching(/^\d{6}$/), recipientContact: expect.stringContaining('Designated Safeguarding Lead') });
    expect(queued.dueAt).toBe(nextSchoolDayStart(new Date(notification.screenedAt), schoolCalendar()).toISOString());

    const delivered = await eventually(async () => {
      const row = await outboxRow(queued.id);
      return row?.status === 'DELIVERED' && row;
    });
    expect(delivered).toMatchObject({ attempts: 2, late: false, attemptLog: [{ attempt: 1, outcome: 'FAILED', httpStatus: 500 }, { attempt: 2, outcome: 'DELIVERED', httpStatus: 202 }] });
    expect(Date.parse(delivered.deliveredAt)).toBeLessThan(Date.parse(delivered.dueAt));

    // The school's system got the same message twice (at least once, with one idempotency key)...
    const posts = endpoint.received.filter((post) => post.body.reference === queued.id);
    expect(posts.map((post) => [post.answered, post.idempotencyKey])).toEqual([[500, queued.id], [202, queued.id]]);
    // ...saying that an incident happened, when, and that this child was present: nothing more.
    const message = posts[1].body;
    expect(message).toMatchObject({
      scheme: 'OPERATION_ENCOMPASS',
      school: { urn: queued.recipientCode },
      pupil: { givenName: family.child.givenName, familyName: family.child.familyName, dateOfBirth: family.child.dateOfBirth, upn: family.child.upn },
      incident: { occurredAt: '2026-11-30T21:15:00.000Z', childPresent: true },
    });
    const text = JSON.stringify(message);
    for (const secret of ['STANDARD', 'MEDIUM', 'WK/ON/', 'neighbour', family.adult.givenName, 'Screened in the test']) expect(text).not.toContain(secret);

    // The look-up was an agency fetch like any other, as the screener; each attempt an access-log entry with ids only.
    const fetches = await federation.hub.dataSource.query(`SELECT decision, actor_id, fields FROM audit_log WHERE kind = 'AGENCY_FETCH' AND agency = 'education' AND case_id = $1`, [notification.caseId]);
    expect(fetches).toEqual([{ decision: 'ALLOWED', actor_id: 'manager-2', fields: expect.arrayContaining(['education.matches.record.currentSchool.urn']) }]);
    const attempts = await federation.hub.dataSource.query(`SELECT actor_id, reason FROM audit_log WHERE rule = 'ONWARD_NOTIFICATION_ATTEMPT' AND case_id = $1 ORDER BY seq`, [notification.id]);
    expect(attempts).toEqual([
      { actor_id: 'system:notification-dispatcher', reason: `outbox=${queued.id} attempt=1 result=FAILED answer=HTTP_500 status=RETRYING` },
      { actor_id: 'system:notification-dispatcher', reason: `outbox=${queued.id} attempt=2 result=DELIVERED answer=HTTP_202 status=DELIVERED` },
    ]);
    const [queuedEntry] = await federation.hub.dataSource.query(`SELECT reason FROM audit_log WHERE rule = 'ONWARD_NOTIFICATION_QUEUED' AND case_id = $1`, [notification.id]);
    expect(queuedEntry.reason).toContain(`outbox=${queued.id} kind=OPERATION_ENCOMPASS`);
    expect(queuedEntry.reason).not.toContain(family.child.familyName);
  });

  it('never asks education nor tells anyone for a GREEN case', async () => {
    endpoint.failFirst = 0;
    const before = educationRequests();
    const { notification } = await screened('ESCALATE_TO_CASE', manager, { rag: 'GREEN' });
    const [row] = notification.onwardNotifications;
    expect(row).toMatchObject({ status: 'RECIPIENT_NOT_FOUND', failureCode: 'DENIED', recipientCode: null, failureReason: expect.stringContaining('green-no-agency-data') });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(educationRequests()).toBe(before);
    expect(endpoint.received.filter((post) => post.body.reference === row.id)).toEqual([]);
    expect((await outboxRow(row.id)).attempts).toBe(0);
    const denied = await federation.hub.dataSource.query(`SELECT rule FROM audit_log WHERE kind = 'AGENCY_FETCH' AND decision = 'DENIED' AND case_id = $1`, [notification.caseId]);
    expect(denied).toEqual([{ rule: 'green-no-agency-data' }]);
  });

  it('sends nothing while the agreement denies the look-up (a rating awaiting confirmation), and delivers once a manager confirms and retries', async () => {
    const before = educationRequests();
    const { notification } = await screened('ESCALATE_TO_CASE', triage, { rag: 'AMBER' });
    const [row] = notification.onwardNotifications;
    expect(row).toMatchObject({ status: 'RECIPIENT_NOT_FOUND', failureCode: 'DENIED', failureReason: expect.stringContaining('rating-unconfirmed') });
    expect(educationRequests()).toBe(before);
    // Triage cannot retry; a manager can, once the rating is confirmed.
    expect((await hub.query(RETRY, { id: row.id }, triage)).errors[0].extensions.code).toBe('FORBIDDEN');
    const stillDenied = await hub.query(RETRY, { id: row.id }, manager);
    expect(stillDenied.data.retryNotification).toMatchObject({ status: 'RECIPIENT_NOT_FOUND', failureCode: 'DENIED' });
    expect(educationRequests()).toBe(before);

    const confirmed = await hub.query('mutation($caseId: ID!) { confirmRating(caseId: $caseId, rationale: "Agreed") { ratingConfirmation } }', { caseId: notification.caseId }, manager);
    expect(confirmed.data.confirmRating.ratingConfirmation).toBe('CONFIRMED');
    const retried = await hub.query(RETRY, { id: row.id }, manager);
    expect(retried.data.retryNotification).toMatchObject({ status: 'PENDING', failureCode: null, recipientCode: expect.stringMatching(/^\d{6}$/) });
    expect(educationRequests()).toBeGreaterThan(before);
    await eventually(async () => (await outboxRow(row.id))?.status === 'DELIVERED');
    const retries = await federation.hub.dataSource.query(`SELECT actor_id FROM audit_log WHERE rule = 'ONWARD_NOTIFICATION_RETRY' AND case_id = $1`, [notification.id]);
    expect(retries).toEqual([{ actor_id: 'manager-2' }, { actor_id: 'manager-2' }]);
  });

  it('tells the school before the next school day after NO_FURTHER_ACTION, under OPERATION_ENCOMPASS, decided, granted and audited with the notification as the case', async () => {
    endpoint.failFirst = 0;
    const before = educationRequests();
    const now = new Date();
    const { family, notification } = await screened('NO_FURTHER_ACTION', triage);
    expect(notification.caseId).toBeNull();
    const [row] = notification.onwardNotifications;
    expect(row).toMatchObject({ kind: 'OPERATION_ENCOMPASS', status: 'PENDING', failureCode: null, recipientCode: expect.stringMatching(/^\d{6}$/) });
    expect(educationRequests()).toBe(before + 1);
    expect(new Date(row.dueAt).getTime()).toBe(nextSchoolDayStart(now, schoolCalendar()).getTime());
    const delivered = await eventually(async () => {
      const current = await outboxRow(row.id);
      return current?.status === 'DELIVERED' && current;
    });
    expect(delivered.late).toBe(false);
    const [post] = endpoint.received.filter((item) => item.body.reference === row.id);
    expect(post.body).toMatchObject({ scheme: 'OPERATION_ENCOMPASS', school: { urn: row.recipientCode } });
    expect(JSON.stringify(post.body)).toContain(family.child.familyName);
    const fetches = await federation.hub.dataSource.query(
      `SELECT decision, rule, fields, reason, grant_id, actor_id FROM audit_log WHERE kind = 'AGENCY_FETCH' AND case_id = $1`, [notification.id],
    );
    expect(fetches).toEqual([expect.objectContaining({ decision: 'ALLOWED', rule: 'operation-encompass-recipient', actor_id: 'screener-2', grant_id: expect.any(String) })]);
    expect(fetches[0].reason).toContain('purpose=OPERATION_ENCOMPASS');
    expect([...fetches[0].fields].sort()).toEqual([
      'education.matches.record.currentSchool.dslContact.phone', 'education.matches.record.currentSchool.dslContact.role',
      'education.matches.record.currentSchool.name', 'education.matches.record.currentSchool.urn', 'education.status',
    ]);
  });

  it('under OPERATION_ENCOMPASS denies any field outside the allow-list, any other agency, another user, and a case subject (no way round the RED/AMBER rule)', async () => {
    const { notification } = await screened('EARLY_HELP_OFFER', triage, { consentRecorded: true });
    expect(notification.onwardNotifications[0]).toMatchObject({ status: 'PENDING' });
    const screener = { id: 'screener-2', name: null, roles: ['mash-triage' as const], organisation: null, agency: null };
    const as = (purpose: string, user = screener) => ({ user, requestId: `test-${Math.random()}`, purpose });
    const onIncident = (fields: string) => `query($id: ID!) { domesticAbuseNotification(id: $id) { childrenAtIncident { id ${fields} } } }`;
    const deniedRule = async (query: string, variables: Record<string, unknown>, by: ReturnType<typeof as>) => {
      const before = educationRequests() + federation.agencies.health.requests;
      const result = await hub.gateway.execute({ query, variables }, by);
      expect(educationRequests() + federation.agencies.health.requests).toBe(before);
      return result.errors?.map((error) => error.extensions?.rule);
    };
    // The allow-list itself is answered; attendance or flags are not, nor anything under another purpose or for another agency.
    const allowed = await hub.gateway.execute({ query: onIncident('education { status matches { record { currentSchool { urn } } } }'), variables: { id: notification.id } }, as('OPERATION_ENCOMPASS'));
    expect(allowed.errors).toBeUndefined();
    expect(await deniedRule(onIncident('education { status matches { record { currentSchool { urn } attendanceThisYear { sessionsPossible } } } }'), { id: notification.id }, as('OPERATION_ENCOMPASS'))).toEqual(['onward-purpose-denied']);
    expect(await deniedRule(onIncident('education { status flags { code } }'), { id: notification.id }, as('OPERATION_ENCOMPASS'))).toEqual(['onward-purpose-denied']);
    expect(await deniedRule(onIncident('health { status }'), { id: notification.id }, as('OPERATION_ENCOMPASS'))).toEqual(['onward-purpose-denied']);
    expect(await deniedRule(onIncident('education { status }'), { id: notification.id }, as('SOMETHING_ELSE'))).toEqual(['purpose-not-allowed']);
    expect(await deniedRule(onIncident('education { status }'), { id: notification.id }, as('OPERATION_ENCOMPASS', { ...screener, id: 'another-screener' }))).toEqual(['onward-purpose-denied']);
    // Under MASH_TRIAGE (every HTTP request) the notification's children are nobody's case subjects.
    const overHttp = await hub.query(onIncident('education { status }'), { id: notification.id }, triage);
    expect(overHttp.errors?.map((error: { extensions: { rule?: string } }) => error.extensions.rule)).toEqual(['unknown-subject']);

    // A GREEN case's subject (no agency data under the policy) is not fetched under the purpose either.
    const green = await screened('ESCALATE_TO_CASE', manager, { rag: 'GREEN' });
    const caseQuery = 'query($id: ID!) { case(id: $id) { subjects { id education { status matches { record { currentSchool { urn } } } } } } }';
    const rules = await deniedRule(caseQuery, { id: green.notification.caseId }, as('OPERATION_ENCOMPASS'));
    expect(rules?.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['onward-purpose-denied']));
    const denials = await federation.hub.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE kind = 'AGENCY_FETCH' AND decision = 'DENIED' AND rule = 'onward-purpose-denied' AND actor_id IN ('screener-2', 'another-screener') AND reason LIKE 'purpose=OPERATION_ENCOMPASS%'`,
    );
    expect(denials[0].n).toBeGreaterThanOrEqual(5);
  });

  it('never fetches nor queues anything for a notification without children present', async () => {
    const before = educationRequests();
    const family = households[next++ % households.length];
    const received = await hub.query(RECEIVE, { input: notificationOf(`WK/ON/NC${next}`, family, { childrenPresent: false }) }, police);
    const body = await hub.query(SCREEN, { input: { id: received.data.receiveDomesticAbuseNotification.id, outcome: 'NO_FURTHER_ACTION', rationale: 'No children there' } }, triage);
    expect(body.errors).toBeUndefined();
    expect(body.data.screenDomesticAbuseNotification.onwardNotifications).toEqual([]);
    expect(educationRequests()).toBe(before);
    // Nor can the purpose be used on its children afterwards.
    const screener = { id: 'screener-2', name: null, roles: ['mash-triage' as const], organisation: null, agency: null };
    const result = await hub.gateway.execute(
      { query: 'query($id: ID!) { domesticAbuseNotification(id: $id) { childrenAtIncident { id education { status } } } }', variables: { id: received.data.receiveDomesticAbuseNotification.id } },
      { user: screener, requestId: 'test-no-children', purpose: 'OPERATION_ENCOMPASS' },
    );
    expect(result.errors?.map((error) => error.extensions?.rule)).toEqual(['onward-purpose-denied']);
    expect(educationRequests()).toBe(before);
  });

  it('gives up after the last attempt of a round, shows it as FAILED, and a manager starts a new round', async () => {
    endpoint.failFirst = 5;
    const { notification } = await screened('ESCALATE_TO_CASE', manager, { rag: 'RED' });
    const [row] = notification.onwardNotifications;
    const failed = await eventually(async () => {
      const current = await outboxRow(row.id);
      return current?.status === 'FAILED' && current;
    });
    expect(failed).toMatchObject({ attempts: 4, failureCode: 'DELIVERY_FAILED' });
    expect((await hub.query(OUTBOX, { status: 'FAILED' }, triage)).data.notificationOutbox.map((item: { id: string }) => item.id)).toContain(row.id);
    expect((await hub.query(RETRY, { id: row.id }, manager)).data.retryNotification.status).toBe('PENDING');
    const delivered = await eventually(async () => {
      const current = await outboxRow(row.id);
      return current?.status === 'DELIVERED' && current;
    });
    expect(delivered.attempts).toBe(6);
    expect((await hub.query(RETRY, { id: row.id }, manager)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    endpoint.failFirst = 0;
  });

  it('tells the GP practice too when the agreement says so', async () => {
    const governance = await federation.token({ role: 'governance', sub: 'dpo-2' });
    const current = await hub.query('{ isaPolicy { version document } }', {}, governance);
    const document = { ...JSON.parse(current.data.isaPolicy.document), version: 'test-gp-notifications', notifications: { operationEncompass: true, gpOnDomesticAbuse: true } };
    const proposed = await hub.query('mutation($d: String!) { proposeIsaPolicy(document: $d, reason: "GPs want to be told") { status } }', { d: JSON.stringify(document) }, governance);
    expect(proposed.errors).toBeUndefined();
    // Telling GPs widens sharing: two governance leads other than the proposer check it.
    const approved = await hub.query('mutation { approveIsaPolicy(version: "test-gp-notifications", reason: "Board agreed") { status } }', {}, await federation.token({ role: 'governance', sub: 'dpo-3' }));
    expect(approved.errors).toBeUndefined();
    const activated = await hub.query('mutation { activateIsaPolicy(version: "test-gp-notifications", reason: "Board agreed") { status } }', {}, await federation.token({ role: 'governance', sub: 'dpo-4' }));
    expect(activated.data.activateIsaPolicy.status).toBe('ACTIVE');

    const { notification } = await screened('ESCALATE_TO_CASE', manager, { rag: 'RED' });
    const byKind = Object.fromEntries(notification.onwardNotifications.map((row: { kind: string }) => [row.kind, row]));
    expect(Object.keys(byKind).sort()).toEqual(['GP_NOTIFICATION', 'OPERATION_ENCOMPASS']);
    expect(byKind.GP_NOTIFICATION).toMatchObject({ status: 'PENDING', recipientCode: expect.stringMatching(/^[A-Z]\d{5}$/) });
    await eventually(async () => (await outboxRow(byKind.GP_NOTIFICATION.id))?.status === 'DELIVERED');
    const [post] = endpoint.received.filter((item) => item.body.reference === byKind.GP_NOTIFICATION.id);
    expect(post.body).toMatchObject({ scheme: 'DOMESTIC_ABUSE_GP_NOTIFICATION', practice: { odsCode: byKind.GP_NOTIFICATION.recipientCode } });

    // Without a case too: each purpose asks its own agency, in its own request, for its own fields.
    const noCase = await screened('NO_FURTHER_ACTION', triage);
    const rows = Object.fromEntries(noCase.notification.onwardNotifications.map((row: { kind: string }) => [row.kind, row]));
    expect(rows.GP_NOTIFICATION).toMatchObject({ status: 'PENDING', recipientCode: expect.stringMatching(/^[A-Z]\d{5}$/) });
    expect(rows.OPERATION_ENCOMPASS).toMatchObject({ status: 'PENDING', recipientCode: expect.stringMatching(/^\d{6}$/) });
    const fetches = await federation.hub.dataSource.query(
      `SELECT agency, rule FROM audit_log WHERE kind = 'AGENCY_FETCH' AND case_id = $1 ORDER BY agency`, [noCase.notification.id],
    );
    expect(fetches).toEqual([{ agency: 'education', rule: 'operation-encompass-recipient' }, { agency: 'health', rule: 'gp-notification-recipient' }]);
  });
});
