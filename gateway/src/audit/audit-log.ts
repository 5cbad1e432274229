import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { linkEntries, prepareEntry, type AuditEntryInput, type UnchainedEntry } from './chain';

/** A written entry, as stored: with its seq, prev_hash and hash. */
export type AuditRecord = AuditEntry;

export interface AuditLogOptions {
  /** Most entries one queued write carries (a larger appendMany is still written whole). Default 500. */
  maxBatch?: number;
}

/** Column and property, in insert order (seq is assigned by the database). */
const COLUMNS: [string, keyof Omit<AuditEntry, 'seq'>][] = [
  ['id', 'id'], ['recorded_at', 'recordedAt'], ['kind', 'kind'], ['actor_id', 'actorId'],
  ['actor_roles', 'actorRoles'], ['organisation', 'organisation'], ['case_id', 'caseId'],
  ['subject_ids', 'subjectIds'], ['agency', 'agency'], ['fields', 'fields'], ['decision', 'decision'],
  ['rule', 'rule'], ['policy_version', 'policyVersion'], ['reason', 'reason'], ['grant_id', 'grantId'],
  ['request_id', 'requestId'], ['prev_hash', 'prevHash'], ['hash', 'hash'],
];
/** Keeps one INSERT well under Postgres's 65,535 bind parameters. */
const ROWS_PER_INSERT = 1000;

/** One append or appendMany call waiting for the next write; its entries stay together. */
interface Waiting {
  entries: UnchainedEntry[];
  resolve(records: AuditRecord[]): void;
  reject(error: unknown): void;
}

/**
 * The hub's hash-chained access log. Appends are serialised across every process that shares the
 * database by a transaction-scoped advisory lock, taken (by `audit_log_lock_head()`, see the
 * migration) before the head is read and held until the insert commits. Within one process,
 * calls that arrive while a write is in flight are queued and written together in the next
 * transaction (group commit), so throughput is not one commit per lock hold (about 1,000/s).
 * Any failure reaches the caller: the enforcement point then denies (fail closed).
 */
export class AuditLog {
  private static readonly byDataSource = new WeakMap<DataSource, AuditLog>();

  /** The process's one log for that database, so all requests share its queue. */
  static for(dataSource: DataSource): AuditLog {
    let log = AuditLog.byDataSource.get(dataSource);
    if (!log) AuditLog.byDataSource.set(dataSource, (log = new AuditLog(dataSource)));
    return log;
  }

  private readonly maxBatch: number;
  private readonly queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource, options: AuditLogOptions = {}) {
    this.maxBatch = options.maxBatch ?? 500;
  }

  /**
   * Appends one entry. Pass `manager` to write inside the caller's own transaction (a case
   * mutation and its entry then commit or roll back together); the chain lock is then held until
   * that transaction ends, so keep it short. A caller already holding a transaction must pass it:
   * the queued path needs a connection of its own, and the embedded database has only one.
   */
  append(input: AuditEntryInput, manager?: EntityManager): Promise<AuditRecord> {
    return this.appendMany([input], manager).then(([record]) => record);
  }

  /** Appends entries in order, all or none (they are never split across transactions). */
  appendMany(inputs: AuditEntryInput[], manager?: EntityManager): Promise<AuditRecord[]> {
    let entries: UnchainedEntry[];
    try {
      entries = inputs.map(prepareEntry);
    } catch (error) {
      return Promise.reject(error);
    }
    if (entries.length === 0) return Promise.resolve([]);
    if (manager) return this.inTransaction(manager, entries);
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      this.drain();
    });
  }

  private inTransaction(manager: EntityManager, entries: UnchainedEntry[]): Promise<AuditRecord[]> {
    if (manager.queryRunner?.isTransactionActive) return writeChained(manager, entries);
    return manager.transaction((inner) => writeChained(inner, entries));
  }

  private drain(): void {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    // Whole calls only, at least one, up to maxBatch entries in all.
    let size = this.queue[0].entries.length;
    let calls = 1;
    while (calls < this.queue.length && size + this.queue[calls].entries.length <= this.maxBatch) {
      size += this.queue[calls++].entries.length;
    }
    void this.write(this.queue.splice(0, calls)).finally(() => {
      this.writing = false;
      this.drain();
    });
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const records = await this.inTransaction(this.dataSource.manager, batch.flatMap((waiting) => waiting.entries));
      let start = 0;
      for (const waiting of batch) waiting.resolve(records.slice(start, (start += waiting.entries.length)));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One entry the database refuses must not deny its neighbours: retry each call alone, so
      // only the callers whose own entries cannot be written are refused.
      for (const waiting of batch) {
        await this.inTransaction(this.dataSource.manager, waiting.entries).then(waiting.resolve, waiting.reject);
      }
    }
  }
}

/** Inside a transaction: lock and read the head in one round trip, link, insert in one statement. */
async function writeChained(manager: EntityManager, entries: UnchainedEntry[]): Promise<AuditRecord[]> {
  const [{ head }] = (await manager.query('SELECT audit_log_lock_head() AS head')) as { head: string }[];
  const linked = linkEntries(head, entries);
  const seqById = new Map<string, string>();
  for (let start = 0; start < linked.length; start += ROWS_PER_INSERT) {
    const chunk = linked.slice(start, start + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const rows = chunk.map((entry) => {
      const slots = COLUMNS.map(([, property]) => `$${params.push(entry[property])}`);
      return `(${slots.join(',')})`;
    });
    // VALUES rows take identity values in list order, so seq follows the chain.
    const inserted = (await manager.query(
      `INSERT INTO audit_log (${COLUMNS.map(([column]) => column).join(',')}) VALUES ${rows.join(',')} RETURNING seq, id`,
      params,
    )) as { seq: string; id: string }[];
    for (const row of inserted) seqById.set(row.id, row.seq);
  }
  return linked.map((entry) => Object.assign(new AuditEntry(), entry, { seq: seqById.get(entry.id)! }));
}
