// The gateway entry's first import: tracing registers its instrumentations before anything loads
// the modules they patch. Deep imports, so nothing else of the shared package (which loads pg) runs first.
import { createLogger } from '@mash/shared/dist/logger';
import { startTracing } from '@mash/shared/dist/telemetry/tracing';

/** Undefined unless MASH_TRACING or an OTLP endpoint turned tracing on. */
export const tracing = startTracing('mash-gateway', { continueIncomingTraces: false, logger: createLogger('gateway') });
