import type { DataSource, EntityManager } from 'typeorm';
import { hubStore } from '../hub/entity-reader';
import { AuditEntry } from './audit-entry.entity';
import { hashTemplate, prepareEntry, type AuditEntryInput, type UnchainedEntry } from './chain';

/** A written entry, as stored: with its seq, prev_hash and hash. */
export type AuditRecord = AuditEntry;

export interface AuditLogOptions {
  /** Most entries one queued write carries (a larger appendMany is still written whole). Default 500. */
  maxBatch?: number;
}

/** Told of every append call as it settles: how long it took (queue wait included) and its entries. */
export interface AppendObserver {
  appended(seconds: number, entries: number): void;
  appendFailed(seconds: number): void;
}

/** One append or appendMany call waiting for the next write; its entries stay together. */
interface Waiting {
  entries: UnchainedEntry[];
  resolve(records: AuditRecord[]): void;
  reject(error: unknown): void;
}

/**
 * The hub's hash-chained access log. Every write is one statement (`audit_log_append`, see the
 * migration) that takes a transaction-scoped advisory lock, reads the head and links and inserts
 * its entries, so appenders in every process sharing the database are serialised and the lock is
 * never held across a client round trip. Within one process, calls that arrive while a write is
 * in flight are queued and written together by the next statement (group commit): throughput is
 * then not bounded by one commit per lock hold.
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
  private starting = false;
  private readonly observers = new Set<AppendObserver>();
  /** The queued path's statement, on its own connection: prepared once per connection. */
  private readonly appendStatement: Run = (sql, values) => hubStore(this.dataSource).query(sql, values);

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

  /** Adds an observer (the gateway's metrics) until the returned function is called. */
  observe(observer: AppendObserver): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  /** Appends entries in order, all or none (they are never split across statements). */
  appendMany(inputs: AuditEntryInput[], manager?: EntityManager): Promise<AuditRecord[]> {
    if (this.observers.size === 0) return this.write(inputs, manager);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    return this.write(inputs, manager).then(
      (records) => {
        if (records.length > 0) for (const observer of this.observers) observer.appended(seconds(), records.length);
        return records;
      },
      (error: unknown) => {
        for (const observer of this.observers) observer.appendFailed(seconds());
        throw error;
      },
    );
  }

  private write(inputs: AuditEntryInput[], manager?: EntityManager): Promise<AuditRecord[]> {
    let entries: UnchainedEntry[];
    try {
      entries = inputs.map(prepareEntry);
    } catch (error) {
      return Promise.reject(error);
    }
    if (entries.length === 0) return Promise.resolve([]);
    if (manager) return writeChained((sql, values) => manager.query(sql, values), entries);
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      // From idle, the first write waits for the rest of this turn of the event loop: the four
      // agency decisions of one triage query arrive within it and commit together, instead of one
      // alone and the other three after it.
      if (!this.writing && !this.starting) {
        this.starting = true;
        setImmediate(() => {
          this.starting = false;
          this.drain();
        });
      }
    });
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
    void this.writeBatch(this.queue.splice(0, calls)).finally(() => {
      this.writing = false;
      this.drain();
    });
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const records = await writeChained(this.appendStatement, batch.flatMap((waiting) => waiting.entries));
      let start = 0;
      for (const waiting of batch) waiting.resolve(records.slice(start, (start += waiting.entries.length)));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One entry the database refuses must not deny its neighbours: retry each call alone, so
      // only the callers whose own entries cannot be written are refused.
      for (const waiting of batch) {
        await writeChained(this.appendStatement, waiting.entries).then(waiting.resolve, waiting.reject);
      }
    }
  }
}

type Run = (sql: string, values: unknown[]) => Promise<unknown[]>;

const APPEND = 'SELECT entry_seq AS seq, entry_prev_hash AS "prevHash", entry_hash AS hash FROM audit_log_append($1::jsonb) ORDER BY entry_seq';

/**
 * One statement, so one round trip and atomic on its own: `audit_log_append` takes the chain lock,
 * reads the head and links and inserts the entries in order (see the migration). Run in the
 * caller's transaction when it has one (its manager), so the lock is then held until that commits;
 * else on its own as a prepared statement (`hubStore`).
 */
async function writeChained(run: Run, entries: UnchainedEntry[]): Promise<AuditRecord[]> {
  const payload = entries.map((entry) => {
    const { before, after } = hashTemplate(entry);
    return {
      id: entry.id, recorded_at: entry.recordedAt, kind: entry.kind, actor_id: entry.actorId, actor_roles: entry.actorRoles,
      organisation: entry.organisation, case_id: entry.caseId, subject_ids: entry.subjectIds, agency: entry.agency,
      fields: entry.fields, decision: entry.decision, rule: entry.rule, policy_version: entry.policyVersion,
      reason: entry.reason, grant_id: entry.grantId, request_id: entry.requestId, facts: entry.facts, hash_before: before, hash_after: after,
    };
  });
  const links = (await run(APPEND, [JSON.stringify(payload)])) as { seq: string; prevHash: string; hash: string }[];
  return entries.map((entry, index) => Object.assign(new AuditEntry(), entry, links[index]));
}
