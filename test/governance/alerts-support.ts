import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { disclosureHashed, linkTemplate } from '@mash/shared';
import { hashTemplate, prepareEntry, type AuditEntryInput } from '@mash/gateway/dist/audit/chain';
import { DEFAULT_POLICY, type PolicyDocument, type PolicyStore } from '@mash/gateway/dist/policy';

/**
 * Appends access-log entries dated `at` (the log stamps "now" itself, and the time-dependent rules
 * need other times). Written through the log's own append function, so the chain stays intact:
 * test data with scripted times, not a back door around the log.
 */
export async function appendDated(hub: DataSource, entries: { input: AuditEntryInput; at: Date }[]): Promise<{ seq: string; id: string }[]> {
  const payload = entries.map(({ input, at }) => {
    const entry = { ...prepareEntry(input), recordedAt: at };
    const { before, after } = hashTemplate(entry);
    const columns = Object.fromEntries(Object.entries(entry).map(([key, value]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), value]));
    return { ...columns, id: entry.id, hash_before: before, hash_after: after };
  });
  const rows: { seq: string }[] = await hub.query('SELECT entry_seq::text AS seq FROM audit_log_append($1::jsonb) ORDER BY entry_seq', [JSON.stringify(payload)]);
  return rows.map((row, i) => ({ seq: row.seq, id: payload[i].id }));
}

/**
 * Writes a disclosure into an agency's own disclosure log under a grant id the hub never issued:
 * what a forged grant (or a leaked signing key) would leave there. Through the agency's append
 * function, so the agency's chain stays intact and only the grant is wrong.
 */
export async function forgeDisclosure(agencyDb: DataSource, fields: { grantId: string; caseId: string; userId: string; subjectId: string }): Promise<string> {
  const row = {
    id: randomUUID(), disclosedAt: new Date(), requestId: randomUUID(), purpose: 'MASH_TRIAGE', matchStatus: 'MATCHED', recordIds: ['forged-record'], obligations: [], ...fields,
  };
  const hashed = disclosureHashed(row);
  const { before, after } = linkTemplate(hashed);
  const [{ seq }] = await agencyDb.query('SELECT entry_seq::text AS seq FROM disclosure_log_append($1::jsonb)', [
    JSON.stringify([{ ...hashed, disclosed_at: row.disclosedAt.toISOString(), hash_before: before, hash_after: after }]),
  ]);
  return seq;
}

let versions = 0;

/**
 * Activates the default policy changed by `change`, maker-checker style: proposed by one
 * governance user, approved and activated by two others (enough for a widening change too).
 */
export async function activatePolicy(policies: PolicyStore, change: (policy: PolicyDocument) => void): Promise<string> {
  const policy = structuredClone(DEFAULT_POLICY);
  versions += 1;
  policy.version = `2026-12-01.alerts-${versions}`;
  change(policy);
  await policies.propose(policy, 'gov-maker', 'alerts test: thresholds and calendar');
  const approve = (policies as unknown as { approve?: (version: string, actor: string, reason: string) => Promise<unknown> }).approve;
  if (approve) await approve.call(policies, policy.version, 'gov-checker-1', 'alerts test');
  await policies.activate(policy.version, 'gov-checker-2', 'alerts test');
  return policy.version;
}

/**
 * A time zone where it is now about noon (Etc/GMT-N is UTC+N), so a test's fetches fall in
 * working hours whatever the hour the suite runs; out-of-hours times are then scripted.
 */
export function noonZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
