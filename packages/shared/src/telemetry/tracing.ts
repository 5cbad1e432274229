import { context, propagation, trace, type Context, type TextMapGetter, type TextMapPropagator, type TextMapSetter } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { InMemorySpanExporter, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { boolean, optionalString } from '../config';
import type { Logger } from '../logger';
import { ScrubbingExporter } from './scrub';

/** Where OTLP/HTTP sends traces when nothing says otherwise (the OTLP specification's default). */
export const DEFAULT_OTLP_TRACES_URL = 'http://localhost:4318/v1/traces';

export interface TracingConfig {
  /**
   * `MASH_TRACING` (`on` or `off`). Default: on when an OTLP endpoint is set (below), off
   * otherwise; `OTEL_SDK_DISABLED=true` also turns it off. Off costs nothing: no provider is
   * registered, the SDK is never loaded and no module is patched.
   */
  enabled: boolean;
  /**
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as given, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`,
   * else `http://localhost:4318/v1/traces`. Headers, timeout, compression, batching and sampling
   * follow the standard `OTEL_EXPORTER_OTLP_*`, `OTEL_BSP_*` and `OTEL_TRACES_SAMPLER*` variables.
   */
  url: string;
}

export function tracingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TracingConfig {
  const traces = optionalString('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', env);
  const base = optionalString('OTEL_EXPORTER_OTLP_ENDPOINT', env);
  const url = traces ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : DEFAULT_OTLP_TRACES_URL);
  const disabled = optionalString('OTEL_SDK_DISABLED', env)?.toLowerCase() === 'true';
  return { enabled: !disabled && boolean('MASH_TRACING', Boolean(traces ?? base), env), url };
}

export interface TracingOptions {
  /** Read instead of `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Export here instead of OTLP, span by span as each ends, and trace whatever the environment
   * says: tests pass an `InMemorySpanExporter`. Scrubbed like every export.
   */
  exporter?: SpanExporter;
  /**
   * Continue the trace an incoming request's `traceparent` names. Default true (agencies, whose
   * caller is the gateway); the gateway passes false: its callers are outside the MASH, so a
   * trace starts there and no client can choose trace ids or force sampling on the agencies.
   */
  continueIncomingTraces?: boolean;
  logger?: Pick<Logger, 'info'>;
}

export interface Tracing {
  service: string;
  provider: NodeTracerProvider;
  /**
   * Patches modules that some other loader than Node's `require` gave out (jest's module
   * registry), which the instrumentations' require hook never sees: `{ pg, 'pg-pool', http, https }`.
   */
  instrument(modules: Record<string, unknown>): void;
  forceFlush(): Promise<void>;
  /** Flushes what is pending and stops; call it before the process exits. */
  shutdown(): Promise<void>;
}

/** Probes answer many times a minute and say nothing about a request: never traced. */
const PROBES = /^\/(health|ready|metrics)(\?|$)/;

let started: Tracing | undefined;

/**
 * Starts tracing for `service` (its `service.name`), when configured: a NodeTracerProvider with
 * W3C trace-context and baggage propagation, the http, undici (Node's fetch) and pg
 * instrumentations, and OTLP/HTTP export through a scrubber. Call it first thing in the process,
 * before `pg` is loaded; where it was loaded already (the shared package's index loads it), its
 * client and pool are patched in place, so its queries are traced all the same.
 * Returns undefined, having done nothing at all, when tracing is off.
 */
export function startTracing(service: string, options: TracingOptions = {}): Tracing | undefined {
  if (started) return started;
  const config = tracingConfigFromEnv(options.env);
  if (!config.enabled && !options.exporter) return undefined;
  // Required here, not imported: with tracing off the process never loads the SDK.
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');

  const processor: SpanProcessor = options.exporter
    ? new SimpleSpanProcessor(new ScrubbingExporter(options.exporter))
    : new BatchSpanProcessor(new ScrubbingExporter(otlpExporter(config.url)));
  // OTEL_RESOURCE_ATTRIBUTES may add (deployment.environment, ...); the service name is ours.
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(resourceFromAttributes({ 'service.name': service, 'service.namespace': 'mash' }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  const w3c = new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] });
  provider.register({ propagator: options.continueIncomingTraces === false ? new InjectOnly(w3c) : w3c });

  const instrumentations = createInstrumentations();
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  const patched: Patched[] = [];
  const instrument = (modules: Record<string, unknown>) => patched.push(...patchLoaded(instrumentations, modules));
  // The require hook patches a module the next time it is required: http was loaded already.
  require('http');
  require('https');
  instrument(loadedDrivers());
  options.logger?.info('tracing', { service, export: options.exporter ? 'in-process' : config.url });
  started = {
    service,
    provider,
    instrument,
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      started = undefined;
      instrumentations.forEach((instrumentation) => instrumentation.disable());
      // Core modules are the worker's own: a test file must not leave http patched for the next.
      patched.forEach(({ definition, exports }) => definition.unpatch?.(exports));
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  return started;
}

/** For `TracingOptions.exporter` in tests: keeps the (scrubbed) spans for `getFinishedSpans()`. */
export function inMemorySpanExporter(): InMemorySpanExporter {
  const { InMemorySpanExporter } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  return new InMemorySpanExporter();
}

function otlpExporter(url: string): SpanExporter {
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter({ url });
}

function createInstrumentations(): Instrumentation[] {
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => PROBES.test(request.url ?? ''),
      // Background calls (key and checkpoint refreshes) would each start a trace of one span.
      requireParentforOutgoingSpans: true,
    }),
    // undici (Node's fetch and the undici package's request): the gateway's agency requests. It injects `traceparent` into each.
    new UndiciInstrumentation({ requireParentforSpans: true }),
    // SQL text only (TypeORM binds every value as a parameter); bound values never recorded.
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, addSqlCommenterCommentToQueries: false }),
  ];
}

/** `pg` and `pg-pool` as Node's require cache holds them, if loaded before tracing started. */
function loadedDrivers(): Record<string, unknown> {
  const loaded: Record<string, unknown> = {};
  for (const name of ['pg', 'pg-pool']) {
    try {
      const cached = require.cache[require.resolve(name)];
      if (cached?.loaded) loaded[name] = cached.exports;
    } catch {
      // Not installed where this package can see it: nothing to patch.
    }
  }
  return loaded;
}

/** Applies each instrumentation's patch for the named modules, as its require hook would have. */
function patchLoaded(instrumentations: Instrumentation[], modules: Record<string, unknown>): Patched[] {
  const patched: Patched[] = [];
  for (const instrumentation of instrumentations) {
    const definitions = (instrumentation as { getModuleDefinitions?: () => ModuleDefinition[] }).getModuleDefinitions?.() ?? [];
    for (const definition of definitions) {
      const exports = modules[definition.name];
      if (exports === undefined || !definition.patch) continue;
      definition.patch(exports);
      patched.push({ definition, exports });
    }
  }
  return patched;
}

interface ModuleDefinition {
  name: string;
  patch?: (exports: unknown, version?: string) => unknown;
  unpatch?: (exports: unknown, version?: string) => void;
}

interface Patched {
  definition: ModuleDefinition;
  exports: unknown;
}

/** Injects trace context into outgoing requests but takes none from incoming ones. */
class InjectOnly implements TextMapPropagator {
  constructor(private readonly inner: TextMapPropagator) {}

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.inner.inject(context, carrier, setter);
  }

  extract(context: Context, _carrier: unknown, _getter: TextMapGetter): Context {
    return context;
  }

  fields(): string[] {
    return this.inner.fields();
  }
}
