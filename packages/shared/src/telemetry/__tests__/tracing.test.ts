import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ConfigError } from '../../config';
import { redactMessage, scrubAttributes, ScrubbingExporter } from '../scrub';
import { DEFAULT_OTLP_TRACES_URL, inMemorySpanExporter, tracingConfigFromEnv } from '../tracing';

type ReadableSpan = ReturnType<ReturnType<typeof inMemorySpanExporter>['getFinishedSpans']>[number];

describe('tracingConfigFromEnv', () => {
  it('is off with nothing set', () => {
    expect(tracingConfigFromEnv({})).toEqual({ enabled: false, url: DEFAULT_OTLP_TRACES_URL });
  });

  it('is on once an OTLP endpoint is set, sending to its /v1/traces', () => {
    expect(tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({ enabled: true, url: 'http://collector:4318/v1/traces' });
    expect(tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp' }))
      .toEqual({ enabled: true, url: 'https://traces.example/otlp' });
  });

  it('obeys MASH_TRACING either way, and OTEL_SDK_DISABLED over everything', () => {
    expect(tracingConfigFromEnv({ MASH_TRACING: 'on' })).toEqual({ enabled: true, url: DEFAULT_OTLP_TRACES_URL });
    expect(tracingConfigFromEnv({ MASH_TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled).toBe(false);
    expect(tracingConfigFromEnv({ MASH_TRACING: 'on', OTEL_SDK_DISABLED: 'true' }).enabled).toBe(false);
  });

  it('refuses a MASH_TRACING it cannot read, naming it', () => {
    expect(() => tracingConfigFromEnv({ MASH_TRACING: 'sometimes' })).toThrow(ConfigError);
    expect(() => tracingConfigFromEnv({ MASH_TRACING: 'sometimes' })).toThrow(/MASH_TRACING/);
  });
});

describe('scrubbing before export', () => {
  it('drops bound values, documents, variables, headers and client addresses; cuts query strings', () => {
    expect(scrubAttributes({
      'db.query.text': 'SELECT * FROM patient WHERE nhs_number = $1',
      'db.postgresql.values': ['9434765919'],
      'graphql.document': '{ case(id: "1") { subjects { familyName } } }',
      'graphql.variables.id': '1',
      'http.request.header.authorization': ['Bearer x'],
      'client.address': '10.1.2.3',
      'url.full': 'http://police:4001/graphql?name=Okafor',
      'http.target': '/graphql?dob=2015-03-14',
      'url.query': '?name=Okafor',
      'mash.grant_id': 'g-1',
    })).toEqual({
      'db.query.text': 'SELECT * FROM patient WHERE nhs_number = $1',
      'url.full': 'http://police:4001/graphql',
      'http.target': '/graphql',
      'mash.grant_id': 'g-1',
    });
  });

  it('takes quoted values, dates and identifiers out of error messages', () => {
    expect(redactMessage('invalid input syntax for type date: "14/03/2015"')).toBe('invalid input syntax for type date: "?"');
    expect(redactMessage('Key (nhs_number)=(943 476 5919) already exists')).toBe('Key (nhs_number)=(?) already exists');
    expect(redactMessage('no record for 9434765919 born 2015-03-14')).toBe('no record for ? born ?');
    expect(redactMessage('connect ECONNREFUSED 127.0.0.1:5432')).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('exports scrubbed copies, keeping the span\'s identity and timing', async () => {
    const inner = inMemorySpanExporter();
    const context = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 };
    const span = {
      name: 'pg.query:INSERT', kind: SpanKind.CLIENT, spanContext: () => context, parentSpanContext: undefined,
      startTime: [1, 0], endTime: [1, 5], duration: [0, 5], ended: true,
      status: { code: SpanStatusCode.ERROR, message: 'duplicate key value: "Okafor"' },
      attributes: { 'db.postgresql.values': ['Okafor'], 'db.query.text': 'INSERT INTO person VALUES ($1)' },
      links: [], events: [{ name: 'exception', time: [1, 2], attributes: { 'exception.message': 'value "Okafor" refused' } }],
      resource: { attributes: {} }, instrumentationScope: { name: 'pg' }, droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
    } as unknown as ReadableSpan;
    const result = await new Promise((resolve) => new ScrubbingExporter(inner).export([span], resolve));
    expect(result).toEqual({ code: 0 });
    const [exported] = inner.getFinishedSpans();
    expect(exported.spanContext()).toBe(context);
    expect(exported.duration).toEqual([0, 5]);
    expect(exported.attributes).toEqual({ 'db.query.text': 'INSERT INTO person VALUES ($1)' });
    expect(exported.status.message).toBe('duplicate key value: "?"');
    expect(exported.events[0].attributes).toEqual({ 'exception.message': 'value "?" refused' });
    expect(JSON.stringify([exported.attributes, exported.status, exported.events])).not.toContain('Okafor');
  });
});
