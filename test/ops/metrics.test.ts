import { AGENCIES, type AgencyName } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';
import { parsePrometheus, type Scrape } from '../support/prometheus';
import { domesticAbuseHouseholds, notificationOf } from '../screening/support';

const FIELDS = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' } as const;
const TRIAGE = `query TriageCase($id: ID!) {
  case(id: $id) { reference rag subjects { id ${Object.values(FIELDS).map((field) => `${field} { status }`).join(' ')} } }
}`;
const GREEN_CASE = `query GreenCase($id: ID!) { case(id: $id) { reference subjects { id police { status } health { status } } } }`;
const REFERRAL = 'mutation Refer($input: ReferralInput!) { receiveReferral(input: $input) { id reference } }';
const RECEIVE_DA = 'mutation($input: DomesticAbuseNotificationInput!) { receiveDomesticAbuseNotification(input: $input) { id } }';
/** A smaller population than the suites' 400: the demo cases are all this test reads. */
const PEOPLE = 200;
const RAGS = ['RED', 'AMBER', 'GREEN', 'UNRATED'];

describe('/metrics on every service', () => {
  let federation: Federation;
  let triage: string;
  let red: { id: string };
  let green: { id: string };
  let before: Scrape;
  let gateway: Scrape;
  const agencies = {} as Record<AgencyName, Scrape>;
  const metricsUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/metrics');

  async function scrape(url: string, headers: Record<string, string> = {}): Promise<Scrape> {
    const response = await fetch(url, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return parsePrometheus(await response.text());
  }

  beforeAll(async () => {
    federation = await startFederation({ people: PEOPLE });
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-officer-1' });
    const cases = (await federation.query('{ cases(limit: 200) { id rag status } }', {}, triage)).body.data.cases;
    red = cases.find((item: { rag: string }) => item.rag === 'RED');
    green = cases.find((item: { rag: string }) => item.rag === 'GREEN');
    // One RED case overdue and one DA notification waiting for 30 hours, so the gauges have something to show.
    await federation.hub.dataSource.query(`UPDATE mash_case SET due_by = now() - interval '1 hour' WHERE id = $1`, [red.id]);
    const police = await federation.token({ role: 'agency-admin', agency: 'police', sub: 'warwickshire-police-system' });
    const received = await federation.query(RECEIVE_DA, { input: notificationOf('WK/M/0001', domesticAbuseHouseholds(PEOPLE)[0]) }, police);
    expect(received.body.errors).toBeUndefined();
    await federation.hub.dataSource.query(`UPDATE da_notification SET received_at = now() - interval '30 hours' WHERE police_reference = 'WK/M/0001'`);

    before = await scrape(metricsUrl(federation.gateway.url));
    const triaged = await federation.query(TRIAGE, { id: red.id }, triage);
    expect(triaged.body.errors).toBeUndefined();
    const denied = await federation.query(GREEN_CASE, { id: green.id }, triage);
    expect(denied.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toContain('ISA_DENIED');
    const referral = await federation.query(REFERRAL, {
      input: {
        referrerName: 'PC 1234', referrerOrganisation: 'Warwickshire Police', referralSource: '6', concern: 'Child seen alone late at night.',
        subjects: [{ householdRole: 'CHILD', givenName: 'Test', familyName: 'Person', dateOfBirth: '2015-03-04' }],
      },
    }, triage);
    expect(referral.body.errors).toBeUndefined();
    expect((await federation.query('{ cases { id } }', {}, null)).status).toBe(401);
    // A request without a grant, straight to police: refused, and counted by reason.
    expect((await fetch(federation.agencies.police.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ _service { sdl } }"}' })).status).toBe(401);

    gateway = await scrape(metricsUrl(federation.gateway.url));
    for (const agency of AGENCIES) agencies[agency] = await scrape(metricsUrl(federation.agencies[agency].url));
  });
  afterAll(() => federation?.stop());

  const delta = (name: string, labels: Record<string, string>) => gateway.sum(name, labels) - before.sum(name, labels);

  it('labels every sample with its service, and has the process metrics', () => {
    expect(new Set(gateway.samples.map((sample) => sample.labels.service))).toEqual(new Set(['gateway']));
    for (const agency of AGENCIES) expect(new Set(agencies[agency].samples.map((sample) => sample.labels.service))).toEqual(new Set([agency]));
    expect(gateway.types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(gateway.value('nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts GraphQL requests, errors and latency by operation, and HTTP status', () => {
    expect(gateway.types.get('mash_graphql_request_duration_seconds')).toBe('histogram');
    expect(gateway.value('mash_graphql_requests_total', { operation: 'TriageCase', status: '200' })).toBe(1);
    expect(gateway.value('mash_graphql_request_duration_seconds_count', { operation: 'TriageCase' })).toBe(1);
    expect(gateway.value('mash_graphql_request_duration_seconds_bucket', { operation: 'TriageCase', le: '+Inf' })).toBe(1);
    expect(gateway.value('mash_graphql_request_duration_seconds_sum', { operation: 'TriageCase' })).toBeGreaterThan(0);
    expect(gateway.value('mash_graphql_errors_total', { operation: 'GreenCase', code: 'ISA_DENIED' })).toBe(1);
    expect(gateway.value('mash_graphql_errors_total', { operation: 'TriageCase' })).toBeUndefined();
    expect(gateway.value('mash_graphql_requests_total', { operation: 'Refer', status: '200' })).toBe(1);
    // The unauthenticated request never became an operation: counted as unknown, with its code.
    expect(gateway.value('mash_graphql_errors_total', { operation: 'unknown', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(gateway.value('mash_http_requests_total', { route: '/graphql', method: 'POST', status: '401' })).toBe(1);
    expect(gateway.sum('mash_http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(4);
    // Agencies count the gateway's fetches under the client's operation name (the planner's suffix removed).
    for (const agency of AGENCIES) {
      expect({ agency, count: agencies[agency].value('mash_graphql_requests_total', { operation: 'TriageCase', status: '200' }) }).toEqual({ agency, count: 1 });
      expect(agencies[agency].value('mash_http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts each agency fetch by outcome: allowed for the RED case, denied by rule for the GREEN one', () => {
    for (const agency of AGENCIES) {
      expect({ agency, allowed: delta('mash_agency_fetches_total', { agency, outcome: 'allowed' }) }).toEqual({ agency, allowed: 1 });
    }
    expect(delta('mash_agency_fetches_total', { agency: 'police', outcome: 'denied', reason: 'green-no-agency-data' })).toBe(1);
    expect(delta('mash_agency_fetches_total', { agency: 'health', outcome: 'denied', reason: 'green-no-agency-data' })).toBe(1);
    expect(gateway.sum('mash_agency_fetches_total', { outcome: 'unavailable' })).toBe(0);
    expect(gateway.value('mash_agency_request_duration_seconds_count', { agency: 'police', outcome: 'allowed' })).toBe(1);
    expect(gateway.value('mash_agency_request_duration_seconds_sum', { agency: 'police', outcome: 'allowed' })).toBeGreaterThan(0);
  });

  it('counts grants minted, and the access log appends with their latency', () => {
    for (const agency of AGENCIES) expect(delta('mash_grants_minted_total', { agency, purpose: 'MASH_TRIAGE' })).toBe(1);
    // The triage query's four allowed and the green case's two denied decisions, its case reads and the referral.
    expect(delta('mash_access_log_entries_appended_total', {})).toBeGreaterThanOrEqual(7);
    expect(delta('mash_access_log_append_duration_seconds_count', {})).toBeGreaterThanOrEqual(3);
    expect(gateway.value('mash_access_log_append_failures_total')).toBe(0);
  });

  it('shows the queue of requests waiting for their turn (MASH_MAX_IN_FLIGHT), empty and with none refused', () => {
    expect(gateway.types.get('mash_gateway_requests_waiting')).toBe('gauge');
    expect(gateway.value('mash_gateway_requests_waiting')).toBe(0);
    expect(gateway.types.get('mash_gateway_queue_wait_seconds')).toBe('histogram');
    expect(gateway.value('mash_gateway_requests_overloaded_total')).toBe(0);
  });

  it('shows overdue cases by RAG and the DA screening queue, as the hub computes them, cached between scrapes', async () => {
    const overdue = (await federation.query('{ cases(overdue: true, limit: 200) { rag } }', {}, triage)).body.data.cases as { rag: string | null }[];
    for (const rag of RAGS) {
      expect({ rag, count: gateway.value('mash_cases_overdue', { rag }) }).toEqual({ rag, count: overdue.filter((item) => (item.rag ?? 'UNRATED') === rag).length });
    }
    expect(gateway.value('mash_cases_overdue', { rag: 'RED' })).toBeGreaterThanOrEqual(1);
    const stats = (await federation.query('{ domesticAbuseQueueStats { waiting oldestHours medianHours } }', {}, triage)).body.data.domesticAbuseQueueStats;
    expect(stats.waiting).toBeGreaterThanOrEqual(1);
    expect(gateway.value('mash_da_screening_queue_waiting')).toBe(stats.waiting);
    expect(gateway.value('mash_da_screening_queue_oldest_wait_seconds')).toBeCloseTo(stats.oldestHours * 3600, -2);
    expect(gateway.value('mash_da_screening_queue_oldest_wait_seconds')).toBeGreaterThanOrEqual(30 * 3600 - 360);
    expect(gateway.value('mash_da_screening_queue_median_wait_seconds')).toBeCloseTo(stats.medianHours * 3600, -2);
    expect(gateway.value('mash_hub_stats_up')).toBe(1);
    // Within the cache period a scrape reuses the figures: same computation time, one pair of queries.
    const again = await scrape(metricsUrl(federation.gateway.url));
    expect(again.value('mash_hub_stats_computed_timestamp_seconds')).toBe(gateway.value('mash_hub_stats_computed_timestamp_seconds'));
  });

  it('reports database pool use on every service', () => {
    const pools: [Scrape, string][] = [[gateway, 'hub'], ...AGENCIES.map((agency): [Scrape, string] => [agencies[agency], agency])];
    for (const [scraped, database] of pools) {
      expect({ database, open: scraped.value('mash_db_pool_connections', { database }) }).toEqual({ database, open: expect.any(Number) });
      expect(scraped.value('mash_db_pool_connections', { database })).toBeGreaterThanOrEqual(1);
      expect(scraped.value('mash_db_pool_max_connections', { database })).toBeGreaterThanOrEqual(scraped.value('mash_db_pool_connections', { database })!);
      expect(scraped.value('mash_db_pool_idle_connections', { database })).toBeLessThanOrEqual(scraped.value('mash_db_pool_connections', { database })!);
      expect(scraped.value('mash_db_pool_waiting_clients', { database })).toBeGreaterThanOrEqual(0);
    }
  });

  it("counts each agency's batches, match outcomes, disclosure-log appends and grant checks", () => {
    for (const agency of AGENCIES) {
      const scraped = agencies[agency];
      expect(scraped.types.get('mash_agency_entity_batch_size')).toBe('histogram');
      expect({ agency, batches: scraped.value('mash_agency_entity_batch_size_count') }).toEqual({ agency, batches: 1 });
      expect(scraped.value('mash_agency_entity_batch_size_sum')).toBe(3);
      // The RED demo case's three subjects are known to every agency.
      expect({ agency, matched: scraped.value('mash_agency_match_outcomes_total', { status: 'MATCHED' }) }).toEqual({ agency, matched: 3 });
      expect(scraped.value('mash_agency_match_outcomes_total', { status: 'AMBIGUOUS' })).toBe(0);
      expect(scraped.value('mash_agency_match_outcomes_total', { status: 'NOT_KNOWN' })).toBe(0);
      expect(scraped.value('mash_disclosure_log_append_duration_seconds_count')).toBe(1);
      expect(scraped.value('mash_disclosure_log_append_failures_total')).toBe(0);
      expect(scraped.value('mash_grants_accepted_total')).toBe(1);
    }
    expect(agencies.police.value('mash_grants_refused_total', { reason: 'missing' })).toBe(1);
    expect(agencies.health.sum('mash_grants_refused_total')).toBe(0);
  });

  it('never puts ids or personal data in a label', () => {
    const values = [gateway, ...Object.values(agencies)].flatMap((scraped) => scraped.samples.flatMap((sample) => Object.values(sample.labels)));
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(values.filter((value) => uuid.test(value) || /triage-officer|Person|MASH-\d/.test(value))).toEqual([]);
  });

  it('counts an agency that does not answer as unavailable by code, with its request time', async () => {
    await federation.agencies.education.stop();
    const partial = await federation.query(TRIAGE, { id: red.id }, triage);
    expect(partial.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toContain('AGENCY_UNAVAILABLE');
    const after = await scrape(metricsUrl(federation.gateway.url));
    expect(after.value('mash_agency_fetches_total', { agency: 'education', outcome: 'unavailable', reason: 'AGENCY_UNAVAILABLE' })).toBe(1);
    expect(after.value('mash_agency_request_duration_seconds_count', { agency: 'education', outcome: 'unavailable' })).toBe(1);
    expect(after.value('mash_agency_fetches_total', { agency: 'police', outcome: 'allowed' })).toBe(2);
    expect(after.value('mash_graphql_errors_total', { operation: 'TriageCase', code: 'AGENCY_UNAVAILABLE' })).toBe(1);
  });

  it('serves /metrics only to loopback callers that did not come through a proxy', async () => {
    for (const url of [federation.gateway.url, federation.agencies.police.url, federation.agencies.health.url]) {
      const proxied = await fetch(metricsUrl(url), { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(proxied.status).toBe(403);
      expect(await proxied.text()).not.toContain('mash_');
    }
  });
});
