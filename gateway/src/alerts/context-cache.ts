import type { EntityManager } from 'typeorm';
import { contextEntries } from './queries';
import type { LogEntry } from './rules';

const DAY_MS = 86_400_000;

/** Access-log order: seq is a bigint written as a string without leading zeros. */
function seqOrder(a: LogEntry, b: LogEntry): number {
  return a.seq.length - b.seq.length || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0);
}

/**
 * What the rules look back at, kept from page to page within one scan: each user's relevant
 * entries up to where the scan has read, so a page reads from the database only the users (or the
 * earlier times) it has not seen yet, instead of the whole day of every user in it again (which
 * made a scan's cost grow with the square of one user's daily volume). The answer is always what
 * `contextEntries` would return; when the watermark is not where this scan left it (another
 * gateway scanned in between), everything is read again.
 */
export class ContextCache {
  /** The seq the held entries reach; null before the first page. */
  private upTo: string | null = null;
  private readonly held = new Map<string, { since: number; entries: LogEntry[] }>();

  /** The relevant entries of `users` recorded since `since`, up to seq `after`, in seq order. */
  async entries(manager: EntityManager, users: string[], since: Date, after: string): Promise<LogEntry[]> {
    if (this.upTo !== after) this.held.clear();
    this.upTo = after;
    const from = since.getTime();
    const missing = users.filter((user) => (this.held.get(user)?.since ?? Infinity) > from);
    if (missing.length > 0) {
      for (const user of missing) this.held.set(user, { since: from, entries: [] });
      for (const entry of await contextEntries(manager, missing, since, after)) this.held.get(entry.actorId!)!.entries.push(entry);
    }
    return users
      .flatMap((user) => {
        const held = this.held.get(user)!;
        const inWindow = held.entries.filter((entry) => entry.at.getTime() >= from);
        // A start more than a day later (a scan working through a backlog) drops what no page will
        // look at again; starts that move back and forth a little (clocks, windows) keep it all.
        if (from - held.since > DAY_MS) Object.assign(held, { since: from, entries: inWindow });
        return inWindow;
      })
      .sort(seqOrder);
  }

  /** After a page is stored: its relevant entries join the users held, and the cache reaches its last seq. */
  advance(fresh: readonly LogEntry[], last: string): void {
    for (const entry of fresh) {
      const held = entry.actorId ? this.held.get(entry.actorId) : undefined;
      if (held) held.entries.push(entry);
    }
    this.upTo = last;
  }
}
