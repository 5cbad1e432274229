import 'reflect-metadata';
import { bulkSeedCliMain } from '@mash/shared';
import { adapter } from '../adapter';
import { bulkSeed } from './bulk';

// node subgraphs/<agency>/dist/seed/bulk-cli.js --people N (see runBulkSeedCli in @mash/shared).
bulkSeedCliMain(adapter, bulkSeed);
