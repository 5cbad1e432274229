import { GENESIS_HASH, linkedHash } from './chain-link';

/** A disclosure-log row as it is hashed: every column but `seq`, `prev_hash` and `hash`. */
export interface DisclosureContent {
  id: string;
  disclosedAt: Date;
  grantId: string | null;
  requestId: string;
  caseId: string | null;
  userId: string | null;
  purpose: string | null;
  subjectId: string;
  matchStatus: string;
  recordIds: string[];
  obligations: string[];
}

/** The object a disclosure row's hash covers, keyed by column name so any verifier can rebuild it. */
export function disclosureHashed(row: DisclosureContent): Record<string, unknown> {
  return {
    id: row.id,
    disclosed_at: row.disclosedAt, // canonical JSON writes ISO 8601 with milliseconds
    grant_id: row.grantId,
    request_id: row.requestId,
    case_id: row.caseId,
    user_id: row.userId,
    purpose: row.purpose,
    subject_id: row.subjectId,
    match_status: row.matchStatus,
    record_ids: row.recordIds,
    obligations: row.obligations,
  };
}

export function disclosureHash(row: DisclosureContent, prevHash: string): string {
  return linkedHash(disclosureHashed(row), prevHash);
}

/** Reads a disclosure log in seq order, `batchSize` rows at a time; `onRow` sees every row. */
export interface DisclosureChainReader {
  query(text: string, values: unknown[]): Promise<unknown[]>;
}

export type StoredDisclosure = DisclosureContent & { seq: string; prevHash: string; hash: string };

export interface DisclosureChainReport {
  ok: boolean;
  entries: number;
  firstBroken?: { seq: string; id: string; reason: string };
  head?: { seq: string; hash: string };
}

const SELECT = `SELECT seq, id, disclosed_at AS "disclosedAt", grant_id AS "grantId", request_id AS "requestId", case_id AS "caseId",
  user_id AS "userId", purpose, subject_id AS "subjectId", match_status AS "matchStatus", record_ids AS "recordIds",
  obligations, prev_hash AS "prevHash", hash FROM disclosure_log WHERE seq > $1 ORDER BY seq LIMIT $2`;

/**
 * Recomputes every disclosure row's hash and link in seq order, by keyset pages so memory stays
 * flat; `onBatch` sees each page (the audit command reconciles its grant ids with the hub's).
 */
export async function verifyDisclosureChain(
  db: DisclosureChainReader,
  options: { batchSize?: number; onBatch?: (rows: StoredDisclosure[]) => Promise<void> } = {},
): Promise<DisclosureChainReport> {
  const batchSize = options.batchSize ?? 5000;
  const report: DisclosureChainReport = { ok: true, entries: 0 };
  let after = '0';
  let expectedPrev = GENESIS_HASH;
  for (;;) {
    const rows = (await db.query(SELECT, [after, batchSize])) as StoredDisclosure[];
    for (const row of rows) {
      report.entries += 1;
      const reason = brokenLink(row, expectedPrev);
      if (reason && report.ok) {
        report.ok = false;
        report.firstBroken = { seq: String(row.seq), id: row.id, reason };
      }
      expectedPrev = row.hash;
      report.head = { seq: String(row.seq), hash: row.hash };
    }
    await options.onBatch?.(rows);
    if (rows.length < batchSize) return report;
    after = String(rows[rows.length - 1].seq);
  }
}

function brokenLink(row: StoredDisclosure, expectedPrev: string): string | undefined {
  let recomputed: string;
  try {
    recomputed = disclosureHash(row, row.prevHash);
  } catch (error) {
    return `row cannot be hashed (${(error as Error).message}): content altered`;
  }
  if (recomputed !== row.hash) return 'hash mismatch: the content of this row was altered after it was written';
  if (row.prevHash !== expectedPrev) {
    return expectedPrev === GENESIS_HASH
      ? 'prev_hash mismatch: this is the first row but it links to an earlier one, so rows before it were removed'
      : 'prev_hash mismatch: it does not link to the row before it, so a row was removed or the order was changed';
  }
  return undefined;
}
