import type { DataSource } from 'typeorm';
import type { AuditEntry } from './audit-entry.entity';
import { GENESIS_HASH, entryHash } from './chain';

export interface VerifyChainOptions {
  /** Start at this seq, linking it to the entry before it. Default: the first entry. */
  fromSeq?: string | number;
  /** Entries read per query. Default 1000. */
  batchSize?: number;
}

export interface ChainBreak {
  seq: string;
  id: string;
  /** What is wrong, in plain words. */
  reason: string;
}

export interface ChainReport {
  ok: boolean;
  /** Entries checked (all of them from `fromSeq`, even after a break). */
  entries: number;
  firstBroken?: ChainBreak;
  /**
   * The last entry checked. Removing entries from the end leaves a shorter chain that is still
   * whole; comparing this head with one noted earlier (outside the database) is what shows that.
   */
  head?: { seq: string; hash: string };
}

/** Every column the hash covers; `facts` only where the DecisionFacts migration has run (a log not yet migrated has none). */
const select = (withFacts: boolean) => `SELECT seq, id, recorded_at AS "recordedAt", kind, actor_id AS "actorId",
  actor_roles AS "actorRoles", organisation, case_id AS "caseId", subject_ids AS "subjectIds", agency,
  fields, decision, rule, policy_version AS "policyVersion", reason, grant_id AS "grantId",
  request_id AS "requestId", ${withFacts ? 'facts' : 'NULL AS facts'}, prev_hash AS "prevHash", hash FROM audit_log`;

/**
 * Recomputes every entry's hash and checks every link, in seq order, reading `batchSize` entries at
 * a time by keyset (seq > last seen), so memory stays flat for millions of entries.
 */
export async function verifyChain(dataSource: DataSource, options: VerifyChainOptions = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('verifyChain: batchSize must be a positive integer');
  let after = '0';
  let expectedPrev = GENESIS_HASH;
  if (options.fromSeq !== undefined) {
    const [before] = (await dataSource.query(
      'SELECT seq, hash FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT 1',
      [String(options.fromSeq)],
    )) as { seq: string; hash: string }[];
    if (before) [after, expectedPrev] = [before.seq, before.hash];
  }

  const [{ present }] = (await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'audit_log' AND column_name = 'facts') AS present`,
  )) as { present: boolean }[];
  const SELECT = select(present);

  const report: ChainReport = { ok: true, entries: 0 };
  for (;;) {
    const rows = (await dataSource.query(`${SELECT} WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, batchSize])) as AuditEntry[];
    for (const row of rows) {
      report.entries += 1;
      const reason = checkEntry(row, expectedPrev);
      if (reason && report.ok) {
        report.ok = false;
        report.firstBroken = { seq: row.seq, id: row.id, reason };
      }
      // Link to what is stored, so one altered entry is reported once, not once per later entry.
      expectedPrev = row.hash;
      report.head = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < batchSize) return report;
    after = rows[rows.length - 1].seq;
  }
}

function checkEntry(row: AuditEntry, expectedPrev: string): string | undefined {
  let recomputed: string;
  try {
    recomputed = entryHash(row);
  } catch (error) {
    return `entry cannot be hashed (${(error as Error).message}): content altered`;
  }
  if (recomputed !== row.hash) {
    return 'hash mismatch: the content of this entry was altered after it was written';
  }
  if (row.prevHash !== expectedPrev) {
    return expectedPrev === GENESIS_HASH
      ? 'prev_hash mismatch: this is the first entry but it links to an earlier one, so entries before it were removed'
      : 'prev_hash mismatch: it does not link to the entry before it, so an entry was removed or the order was changed';
  }
  return undefined;
}
