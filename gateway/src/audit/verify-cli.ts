import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { dataDirectory, openDatabase, optionalString } from '@mash/shared';
import { auditEntities } from './index';
import { verifyChain } from './verify-chain';

/**
 * `npm run audit:verify`: checks the hub's access log offline. Exit 0 when the chain is intact,
 * 1 when it is broken, 2 when it could not be checked (no database, no table, no connection).
 * In embedded mode stop the gateway first: PGlite's files are for one process at a time.
 */
async function main(): Promise<number> {
  const url = optionalString('HUB_DATABASE_URL');
  const embeddedPath = path.join(dataDirectory(), 'hub');
  if (!url && !fs.existsSync(embeddedPath)) {
    console.error(`audit:verify: no hub database at ${embeddedPath}; start the gateway once or set HUB_DATABASE_URL`);
    return 2;
  }
  const db = await openDatabase({ service: 'hub', url, embeddedPath, entities: auditEntities, migrations: [] });
  try {
    const started = Date.now();
    const report = await verifyChain(db.dataSource, { batchSize: 5000 });
    const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
    const head = report.head ? `, head seq ${report.head.seq} hash ${report.head.hash}` : '';
    if (report.ok) {
      console.log(`audit chain intact: ${report.entries} entries checked in ${took}${head}`);
      return 0;
    }
    const broken = report.firstBroken!;
    console.log(`audit chain BROKEN at seq ${broken.seq} (id ${broken.id}): ${broken.reason}; ${report.entries} entries checked in ${took}`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`audit:verify could not check the chain: ${error.message}`);
    process.exitCode = 2;
  },
);
