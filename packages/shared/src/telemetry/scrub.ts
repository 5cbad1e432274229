import type { Attributes, AttributeValue, SpanStatus } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Attributes never exported, whoever set them: bound SQL values (instrumentation-pg records them
 * only with `enhancedDatabaseReporting`, off here, but a later change must not leak them), the
 * GraphQL document and variables (a query can carry names and dates inline), the end user's
 * address (UK GDPR art. 4(1): an online identifier is personal data) and captured headers
 * (`Authorization` holds user tokens and grants).
 */
const DROPPED = new Set(['db.postgresql.values', 'db.query.parameters', 'graphql.document', 'graphql.variables', 'url.query', 'http.client_ip', 'client.address', 'enduser.id']);
const DROPPED_PREFIXES = ['db.query.parameter.', 'graphql.variables.', 'http.request.header.', 'http.response.header.'];
/** URLs and paths keep everything before `?`: no address here holds personal data, a query string could. */
const URLS = new Set(['url.full', 'http.url', 'http.target', 'url.path']);

/** What an attribute may say once exported; undefined drops it. */
export function scrubAttribute(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (value === undefined || DROPPED.has(key) || DROPPED_PREFIXES.some((prefix) => key.startsWith(prefix))) return undefined;
  if (URLS.has(key) && typeof value === 'string') {
    const query = value.indexOf('?');
    return query === -1 ? value : value.slice(0, query);
  }
  if (key === 'exception.message' && typeof value === 'string') return redactMessage(value);
  return value;
}

export function scrubAttributes(attributes: Attributes): Attributes {
  const scrubbed: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    const kept = scrubAttribute(key, value);
    if (kept !== undefined) scrubbed[key] = kept;
  }
  return scrubbed;
}

/**
 * An error message with what it quotes taken out: Postgres and parsers quote the value they
 * refused (`invalid input syntax for type date: "..."`, `Key (nhs_number)=(...)`), and dates and
 * long digit runs (dates of birth, NHS numbers) are masked wherever they stand.
 */
export function redactMessage(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'/g, '"?"')
    .replace(/=\([^)]*\)/g, '=(?)')
    .replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{2}\/\d{2}\/\d{4}\b/g, '?')
    .replace(/\d{6,}|\d{3}[ -]\d{3}[ -]\d{4}/g, '?');
}

function scrubStatus(status: SpanStatus): SpanStatus {
  return status.message === undefined ? status : { ...status, message: redactMessage(status.message) };
}

/** The span as it may leave the process: attributes, status message and events scrubbed. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: scrubStatus(span.status),
    attributes: scrubAttributes(span.attributes),
    links: span.links.map((link) => ({ ...link, attributes: link.attributes && scrubAttributes(link.attributes) })),
    events: span.events.map((event) => ({ ...event, attributes: event.attributes && scrubAttributes(event.attributes) })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * Every exporter is wrapped in this: the auto-instrumentations record what they see, and the
 * last place to be sure nothing personal leaves is just before export.
 */
export class ScrubbingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans.map(scrubSpan), done);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
