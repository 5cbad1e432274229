import { randomUUID } from 'node:crypto';
import { linkTemplate } from '../audit/chain-link';
import { disclosureHashed, type DisclosureContent } from '../audit/disclosure-chain';
import type { AgencyRequestContext } from '../grant-claims';
import type { GrantUseRow } from '../grants/pending-claim';
import type { AgencyStore } from './store';

export interface DisclosedSubject {
  subjectId: string;
  matchStatus: string;
  recordIds: string[];
}

const APPEND = 'SELECT entry_seq FROM disclosure_log_append($1::jsonb, $2::jsonb)';

/**
 * One disclosure-log row per subject answered, chained to the log's head in the same statement
 * (`disclosure_log_append`, see the DisclosureChain migration), before the answer leaves the
 * agency: if the write fails the request fails, so nothing leaves unrecorded
 * (ARCHITECTURE.md, "Audit and disclosure"). The request's grant, when still unclaimed
 * (`PendingClaim`), is marked used by the same statement; a grant used before fails the write
 * with `GrantReplayedError` and leaves no row.
 */
export async function recordDisclosures(store: AgencyStore, context: AgencyRequestContext, subjects: readonly DisclosedSubject[]): Promise<void> {
  if (subjects.length === 0) return;
  const grant = context.grant;
  // Stamped here, in milliseconds: the value stored is exactly the value hashed.
  const disclosedAt = new Date();
  const rows = subjects.map(({ subjectId, matchStatus, recordIds }): DisclosureContent => ({
    id: randomUUID(), disclosedAt, grantId: grant?.grantId ?? null, requestId: context.requestId, caseId: grant?.caseId ?? null,
    userId: grant?.userId ?? null, purpose: grant?.purpose ?? null, subjectId, matchStatus, recordIds: [...recordIds], obligations: [...(grant?.obligations ?? [])],
  }));
  const entries = rows.map(toEntry);
  const write = (claim: GrantUseRow | null) => queueOf(store).append(entries, claim ? [claim] : []);
  await (context.claim ? context.claim.withDisclosure(write) : write(null));
}

/** The row as the append function reads it: its columns and its canonical JSON cut around prev_hash. */
function toEntry(row: DisclosureContent): Record<string, unknown> {
  const hashed = disclosureHashed(row);
  const { before, after } = linkTemplate(hashed);
  return { ...hashed, disclosed_at: row.disclosedAt.toISOString(), hash_before: before, hash_after: after };
}

interface Waiting {
  entries: Record<string, unknown>[];
  claims: GrantUseRow[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit, as the hub's access log does: one append statement in flight per process; calls
 * arriving meanwhile are written together by the next one, so concurrent requests do not queue
 * one commit at a time on the chain's lock. A failed batch is retried call by call, so only the
 * requests whose own rows cannot be written fail (a replayed grant fails only its own request).
 */
class DisclosureQueue {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly store: AgencyStore) {}

  append(entries: Record<string, unknown>[], claims: GrantUseRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entries, claims, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const batch = this.waiting.splice(0, 200);
    void this.write(batch).finally(() => {
      this.writing = false;
      this.drain();
    });
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      await this.store.query(APPEND, [JSON.stringify(batch.flatMap((waiting) => waiting.entries)), JSON.stringify(batch.flatMap((waiting) => waiting.claims))]);
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const waiting of batch) {
        await this.store.query(APPEND, [JSON.stringify(waiting.entries), JSON.stringify(waiting.claims)]).then(() => waiting.resolve(), waiting.reject);
      }
    }
  }
}

const queues = new WeakMap<AgencyStore, DisclosureQueue>();

function queueOf(store: AgencyStore): DisclosureQueue {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = new DisclosureQueue(store)));
  return queue;
}
