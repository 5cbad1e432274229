// The gateway entry's first import: tracing registers its instrumentations before anything loads
// the modules they patch. Deep imports, so nothing else of the shared package (which loads pg) runs first.
import { createLogger } from '@mash/shared/dist/logger';
import { startTracing, type Tracing } from '@mash/shared/dist/telemetry/tracing';

/** Undefined unless MASH_TRACING or an OTLP endpoint turned tracing on. */
export const tracing = start();

function start(): Tracing | undefined {
  try {
    return startTracing('mash-gateway', { continueIncomingTraces: false, logger: createLogger('gateway') });
  } catch (error) {
    // As a bad setting anywhere else stops the gateway: one line naming it, no stack.
    process.stderr.write(`gateway: failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
