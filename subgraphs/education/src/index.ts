import 'reflect-metadata';
import { runAgency } from '@mash/shared';
import { educationConfig } from './config';
import { definition } from './server';

async function main(): Promise<void> {
  educationConfig();
  await runAgency(definition);
}

main().catch((error: unknown) => {
  console.error(`education: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
