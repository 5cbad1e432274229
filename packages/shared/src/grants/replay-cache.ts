import { MAX_GRANT_TTL_SECONDS } from './claims';

/**
 * Remembers the grant ids an agency has accepted, so each grant is answered once (a grant read off
 * the wire or a log is worth nothing afterwards). An id is kept until its grant can no longer
 * verify anywhere: its `exp` plus the longest grant life, far above any allowed clock skew.
 */
export interface GrantReplayCache {
  /** True the first time `grantId` is claimed, false ever after (until it has expired). */
  claim(grantId: string, expiresAt: Date | undefined): Promise<boolean>;
  /**
   * Told when a grant id was written to the same store by another statement (the disclosure-log
   * append that claims it, `PendingClaim`), so expired ids are still removed on schedule.
   */
  claimedWithDisclosure?(): void;
}

/** What the database cache needs of the agency's store (see `AgencyStore`). */
export interface ReplayStore {
  query<T = Record<string, unknown>>(text: string, values: readonly unknown[]): Promise<T[]>;
}

export interface ReplayCacheOptions {
  /** Least time between two removals of expired ids, in ms. Default 30 s. */
  purgeEveryMs?: number;
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Told when removing expired ids fails (the next removal tries again). */
  onPurgeError?: (error: unknown) => void;
}

const KEEP_MS = MAX_GRANT_TTL_SECONDS * 1000;

/** Until when a grant's id must be remembered as used: its `exp` (or now) plus the longest grant life. */
export function keepGrantIdUntil(expiresAt: Date | undefined, now: number): Date {
  return new Date((expiresAt?.getTime() ?? now + KEEP_MS) + KEEP_MS);
}
// Committed asynchronously (synchronous_commit off for this one transaction, set_config(..., true)):
// the commit does not wait for the WAL flush, which cost 0.7-1.5 ms per request here against
// 0.1 ms without it. The trade (PostgreSQL "Asynchronous Commit"): a server crash may forget the
// ids claimed in its last few hundred milliseconds, never corrupts, and never forgets more.
const CLAIM = `INSERT INTO grant_use (grant_id, expires_at)
  SELECT $1, $2 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
  ON CONFLICT (grant_id) DO NOTHING RETURNING 1 AS fresh`;
const PURGE = 'DELETE FROM grant_use WHERE expires_at < $1';

/**
 * The cache in the agency's own database (`grant_use`, created by the shared GrantUse migration),
 * so every process of one agency shares it: the primary key makes the first insert win, whichever
 * process makes it. One statement per request; expired ids are removed at most every
 * `purgeEveryMs`, off the request's path.
 */
export function databaseReplayCache(store: ReplayStore, options: ReplayCacheOptions = {}): GrantReplayCache {
  const now = options.now ?? Date.now;
  const every = options.purgeEveryMs ?? 30_000;
  let lastPurge = now();
  const purgeIfDue = (at: number) => {
    if (at - lastPurge < every) return;
    lastPurge = at;
    store.query(PURGE, [new Date(at)]).catch((error: unknown) => options.onPurgeError?.(error));
  };
  return {
    async claim(grantId, expiresAt) {
      const at = now();
      const rows = await store.query(CLAIM, [grantId, keepGrantIdUntil(expiresAt, at)]);
      purgeIfDue(at);
      return rows.length === 1;
    },
    claimedWithDisclosure() {
      purgeIfDue(now());
    },
  };
}

/** In one process only: for a guard with no database behind it (unit tests). */
export function memoryReplayCache(options: Pick<ReplayCacheOptions, 'now'> = {}): GrantReplayCache {
  const now = options.now ?? Date.now;
  const used = new Map<string, number>();
  return {
    async claim(grantId, expiresAt) {
      const at = now();
      for (const [id, until] of used) if (until < at) used.delete(id);
      if (used.has(grantId)) return false;
      used.set(grantId, keepGrantIdUntil(expiresAt, at).getTime());
      return true;
    },
  };
}
