#!/usr/bin/env node
// One "gateway process" worth of access-log appends: `--concurrency` callers appending one entry
// each, back to back, through the product's AuditLog (its group commit included), for
// `--duration` ms starting at `--start-at` (epoch ms, so several processes start together).
// Prints one JSON line: entries appended, errors, elapsed ms and append latency percentiles.
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { closedLoop } = require('./lib/load');

const root = path.resolve(__dirname, '..');
const { openHubDatabase } = require(path.join(root, 'gateway/dist/hub/database'));
const { AuditLog, AuditKind, AuditDecision } = require(path.join(root, 'gateway/dist/audit'));

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '8' },
    duration: { type: 'string', default: '10000' },
    'start-at': { type: 'string', default: '0' },
  },
});

async function main() {
  const hub = await openHubDatabase({ url: process.env.HUB_DATABASE_URL, dataDir: process.env.MASH_DATA_DIR });
  const audit = AuditLog.for(hub.dataSource);
  const caseId = randomUUID();
  const subjectIds = [randomUUID(), randomUUID(), randomUUID()];
  // What the enforcement point writes for one allowed agency fetch.
  const entry = () => ({
    kind: AuditKind.AGENCY_FETCH,
    decision: AuditDecision.ALLOWED,
    actorId: 'demo-mash-triage',
    actorRoles: ['mash-triage'],
    organisation: 'Warwickshire MASH',
    agency: 'police',
    fields: ['police.status', 'police.matches.confidence', 'police.flags.code'],
    rule: 'triage-red-amber',
    policyVersion: '1.0.0',
    reason: 'The ISA lets mash-triage see police data for a RED case that is OPEN for MASH_TRIAGE (rule triage-red-amber).',
    caseId,
    subjectIds,
    grantId: randomUUID(),
    requestId: randomUUID(),
  });
  const wait = Number(values['start-at']) - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const result = await closedLoop({
    concurrency: Number(values.concurrency),
    durationMs: Number(values.duration),
    once: async () => {
      await audit.append(entry());
      return {};
    },
  });
  process.stdout.write(JSON.stringify({ pid: process.pid, ...result }) + '\n');
  await hub.close();
}

main().catch((error) => {
  console.error(`audit worker failed: ${error.message}`);
  process.exit(1);
});
