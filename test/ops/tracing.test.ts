import http from 'node:http';
import https from 'node:https';
import pg from 'pg';
import { propagation, SpanKind, trace } from '@opentelemetry/api';
import { AGENCIES, inMemorySpanExporter, MashAttributes, startTracing, type AgencyName, type Tracing } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

describe('tracing off (the default)', () => {
  it('registers no provider and no propagator, whatever else the environment says', () => {
    expect(startTracing('mash-gateway', { env: {} })).toBeUndefined();
    expect(startTracing('mash-gateway', { env: { MASH_TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' } })).toBeUndefined();
    expect(startTracing('mash-gateway', { env: { MASH_TRACING: 'on', OTEL_SDK_DISABLED: 'true' } })).toBeUndefined();
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    span.end();
    expect(propagation.fields()).toEqual([]);
  });
});

// The SDK's own types, as the shared package has them (this folder resolves an older copy).
type InMemorySpanExporter = ReturnType<typeof inMemorySpanExporter>;
type ReadableSpan = ReturnType<InMemorySpanExporter['getFinishedSpans']>[number];

const FIELDS = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' } as const;
const TRIAGE = `query Triage($id: ID!) {
  case(id: $id) {
    reference rag
    subjects {
      id givenName familyName dateOfBirth nhsNumber postcode
      police { status matches { record { givenName familyName dateOfBirth pncId } } }
      socialCare { status matches { record { nhsNumber upn } } }
      health { status matches { record { givenName familyName dateOfBirth nhsNumber postcode } } }
      education { status matches { record { upn } } }
    }
  }
}`;

describe('a traced triage query', () => {
  let exporter: InMemorySpanExporter;
  let tracing: Tracing;
  let federation: Federation;
  let spans: ReadableSpan[];
  let body: any;
  let requestId: string;

  const id = (span: ReadableSpan) => span.spanContext().spanId;
  const parentOf = (span: ReadableSpan) => spans.find((other) => id(other) === span.parentSpanContext?.spanId);
  const children = (span: ReadableSpan) => spans.filter((other) => other.parentSpanContext?.spanId === id(span));
  const descendants = (span: ReadableSpan): ReadableSpan[] => children(span).flatMap((child) => [child, ...descendants(child)]);
  const isUnder = (span: ReadableSpan, ancestor: ReadableSpan) => descendants(ancestor).includes(span);
  const named = (name: string, where: (span: ReadableSpan) => boolean = () => true) => spans.filter((span) => span.name === name && where(span));
  const agencyOf = (span: ReadableSpan) => span.attributes[MashAttributes.agency];

  beforeAll(async () => {
    // @apollo/gateway otherwise probes cloud metadata addresses and reports usage to Apollo on
    // construction: requests that outlive this file, through the http module patched below.
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    exporter = inMemorySpanExporter();
    tracing = startTracing('mash-test', { exporter })!;
    // jest hands out its own copies of modules, which the require hook never sees: patch them here.
    tracing.instrument({ http, https, pg, 'pg-pool': require('pg-pool') });
    federation = await startFederation({ people: 100 });
    const token = await federation.token({ role: 'mash-triage', sub: 'triage-officer-1' });
    const cases = await federation.query('{ cases(rag: [RED]) { id rag } }', {}, token);
    const red = cases.body.data.cases.find((item: { rag: string }) => item.rag === 'RED');
    exporter.reset();
    const response = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: TRIAGE, variables: { id: red.id } }),
    });
    body = await response.json();
    requestId = response.headers.get('x-request-id') ?? '';
    // The server spans end as their responses finish, a moment after the client has read them.
    for (let waited = 0; waited < 5000 && !exporter.getFinishedSpans().some((span) => span.name === 'gateway.request'); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    spans = exporter.getFinishedSpans();
  });
  afterAll(async () => {
    await federation?.stop();
    await tracing?.shutdown();
  });

  it('answers the query: every subject matched by all four agencies', () => {
    expect(body.errors).toBeUndefined();
    expect(requestId).not.toBe('');
    for (const subject of body.data.case.subjects) for (const field of Object.values(FIELDS)) expect(subject[field].status).toBe('MATCHED');
  });

  it('is one trace, rooted at the gateway\'s request, with the gateway\'s own spans beneath it', () => {
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    const roots = spans.filter((span) => !span.parentSpanContext);
    expect(roots).toHaveLength(1);
    const [root] = roots;
    expect(root.kind).toBe(SpanKind.SERVER);
    expect(root.attributes['server.port']).toBe(Number(new URL(federation.gateway.url).port));
    const [request] = named('gateway.request');
    expect(parentOf(request)).toBe(root);
    expect(request.attributes['graphql.operation.name']).toBe('Triage');
    expect(named('gateway.plan', (span) => isUnder(span, request))).toHaveLength(1);
    // The hub's own part is answered in process, its SQL beneath its fetch.
    const [hub] = named('gateway.fetch', (span) => span.attributes.service === 'hub');
    expect(descendants(hub).some((span) => span.name.startsWith('pg.query'))).toBe(true);
  });

  it('has one fetch per agency beneath the request, each decided, audited and granted', () => {
    const [request] = named('gateway.request');
    const fetches = named('gateway.fetch', (span) => AGENCIES.includes(span.attributes.service as AgencyName));
    expect(fetches.map((span) => span.attributes.service).sort()).toEqual([...AGENCIES].sort());
    for (const fetch of fetches) {
      expect(isUnder(fetch, request)).toBe(true);
      const agency = fetch.attributes.service;
      const [enforcement] = named('mash.enforcement', (span) => parentOf(span) === fetch);
      expect(enforcement.attributes).toMatchObject({ [MashAttributes.agency]: agency, [MashAttributes.requestId]: requestId, [MashAttributes.subjects]: 3 });
      const [decision] = named('mash.enforcement.decision', (span) => parentOf(span) === enforcement);
      expect(decision.attributes).toMatchObject({
        [MashAttributes.agency]: agency,
        [MashAttributes.requestId]: requestId,
        [MashAttributes.decision]: 'ALLOWED',
        [MashAttributes.rule]: expect.any(String),
        [MashAttributes.policyVersion]: expect.any(String),
        [MashAttributes.grantId]: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      const [append] = named('mash.access_log.append', (span) => parentOf(span) === enforcement);
      expect(append.attributes).toMatchObject({ [MashAttributes.entries]: 1, [MashAttributes.requestId]: requestId });
    }
    // Appends are group-committed: one statement writes the entries of whoever is waiting, and its
    // SQL span sits under the request that started that batch. Here, in this trace all the same.
    expect(spans.some((span) => String(span.attributes['db.query.text'] ?? '').includes('audit_log_append'))).toBe(true);
  });

  it('continues the trace in every agency (traceparent on the request), down to its SQL', () => {
    for (const agency of AGENCIES) {
      const [sent] = named('mash.agency.request', (span) => agencyOf(span) === agency);
      const grantId = named('mash.enforcement.decision', (span) => agencyOf(span) === agency)[0].attributes[MashAttributes.grantId];
      expect(sent.attributes).toMatchObject({ [MashAttributes.requestId]: requestId, [MashAttributes.grantId]: grantId });
      const [client] = children(sent).filter((span) => span.kind === SpanKind.CLIENT);
      expect(client.attributes['url.full']).toBe(federation.agencies[agency].url);
      // The agency's server span takes its parent from the traceparent header alone (never from
      // the caller's in-process context), so this is the header arriving.
      const [server] = children(client).filter((span) => span.kind === SpanKind.SERVER);
      expect(server.attributes['server.port']).toBe(federation.agencies[agency].port);
      const [check] = named('mash.grant.check', (span) => parentOf(span) === server);
      expect(check.attributes).toMatchObject({ [MashAttributes.agency]: agency, [MashAttributes.grantId]: grantId, [MashAttributes.outcome]: 'accepted', [MashAttributes.requestId]: requestId });
      // The check only verifies: the grant is used up by the disclosure-log append (PendingClaim).
      expect(children(check).some((span) => span.name.startsWith('pg.query'))).toBe(false);
      const [match] = named('mash.match', (span) => isUnder(span, server));
      expect(match.attributes).toMatchObject({ [MashAttributes.grantId]: grantId, [MashAttributes.subjects]: 3, [MashAttributes.matched]: 3 });
      expect(children(match).filter((span) => span.name.startsWith('pg.query'))).not.toHaveLength(0);
      const sql = descendants(server).filter((span) => span.name.startsWith('pg.query'));
      expect(sql.length).toBeGreaterThanOrEqual(3);
      for (const query of sql) expect(query.attributes['db.query.text']).toEqual(expect.any(String));
      expect(sql.filter((query) => /disclosure_log_append\(\$1::jsonb, \$2::jsonb\)/.test(String(query.attributes['db.query.text'])))).toHaveLength(1);
    }
  });

  it('carries the grant ids the access log holds for this request', async () => {
    const rows: { agency: string; grant_id: string }[] = await federation.hub.dataSource.query(
      "SELECT agency, grant_id FROM audit_log WHERE request_id = $1 AND kind = 'AGENCY_FETCH'", [requestId],
    );
    const logged = Object.fromEntries(rows.map((row) => [row.agency, row.grant_id]));
    const traced = Object.fromEntries(named('mash.enforcement.decision').map((span) => [agencyOf(span), span.attributes[MashAttributes.grantId]]));
    expect(traced).toEqual(logged);
    expect(Object.keys(logged).sort()).toEqual([...AGENCIES].sort());
  });

  it('holds no personal data: no name, date of birth, NHS number, postcode or subject id anywhere in a span', () => {
    const personal = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string' && value.length >= 2) personal.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const subject of body.data.case.subjects) {
      const { id, givenName, familyName, dateOfBirth, nhsNumber, postcode } = subject;
      collect([id, givenName, familyName, dateOfBirth, nhsNumber, postcode]);
      for (const field of Object.values(FIELDS)) collect(subject[field].matches.map((match: { record: object }) => match.record));
    }
    expect(personal.size).toBeGreaterThan(10);
    const text = spans.map((span) => JSON.stringify([span.name, span.attributes, span.status, span.events, span.links, span.resource.attributes])).join('\n');
    const found = [...personal].filter((value) => new RegExp(`\\b${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text));
    expect(found).toEqual([]);
    // Nor what the instrumentations could add: bound values, documents, query strings, client addresses.
    const keys = new Set(spans.flatMap((span) => Object.keys(span.attributes)));
    for (const key of ['db.postgresql.values', 'graphql.document', 'url.query', 'client.address', 'http.client_ip']) expect(keys.has(key)).toBe(false);
  });
});
