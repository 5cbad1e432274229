import 'reflect-metadata';
import { bulkSeedCliMain } from '@mash/shared';
import { definition } from '../server';
import { bulkSeed } from './bulk';

// node subgraphs/<agency>/dist/seed/bulk-cli.js --people N (see runBulkSeedCli in @mash/shared).
bulkSeedCliMain(definition, bulkSeed);
