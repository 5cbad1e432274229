import 'reflect-metadata';
import { runAgency } from '@mash/shared';
import { definition } from './server';

runAgency(definition).catch((error: unknown) => {
  console.error(`police: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
