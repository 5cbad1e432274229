import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * The attributes of the MASH's own spans. Ids and counts only: never a name, a date of birth,
 * an identifier or a subject's id (the access log and the disclosure logs hold those, under the
 * request id and the grant id these spans carry).
 */
export const MashAttributes = {
  agency: 'mash.agency',
  requestId: 'mash.request_id',
  grantId: 'mash.grant_id',
  decision: 'mash.decision',
  rule: 'mash.rule',
  policyVersion: 'mash.policy_version',
  purpose: 'mash.purpose',
  /** How many subjects a fetch or a group carries (a count, never who). */
  subjects: 'mash.subjects',
  /** How many case groups one agency fetch was decided in. */
  groups: 'mash.groups',
  entries: 'mash.entries',
  outcome: 'mash.outcome',
  candidates: 'mash.candidates',
  matched: 'mash.matched',
  ambiguous: 'mash.ambiguous',
  notKnown: 'mash.not_known',
} as const;

/** No-op until `startTracing` registers a provider: then every call below records. */
const tracer = trace.getTracer('mash');

/**
 * Runs `fn` in a span of its own (its children nest under it) and ends the span when `fn`
 * settles. A failure marks the span with the error's name only: a message can quote the
 * personal data that was being looked up.
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error | undefined)?.name ?? 'Error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A span for something already decided (one per access-log decision), ended at once under the active span. */
export function recordSpan(name: string, attributes: Attributes): void {
  tracer.startSpan(name, { attributes }).end();
}
