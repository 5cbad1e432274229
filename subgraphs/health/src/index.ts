import 'reflect-metadata';
import { runAgency } from '@mash/shared';
import { definition } from './server';

runAgency(definition).catch((error: unknown) => {
  process.stderr.write(`health: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
