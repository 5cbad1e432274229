import type { EntityManager } from 'typeorm';
import { ContextCache } from '../context-cache';
import { relevant } from '../queries';
import type { LogEntry } from '../rules';

// The scan's look-back kept from page to page must always be what the database query gives
// (contextEntries: relevant entries of these users, recorded since `since`, up to seq `after`, in
// seq order), while reading far fewer rows. A scripted access log, paged as the scanner pages it.

const USERS = ['triage-a', 'triage-b', 'triage-c', 'manager-d'];
const KINDS = ['AGENCY_FETCH', 'AGENCY_FETCH', 'AGENCY_FETCH', 'CASE_READ', 'CASE_MUTATION'];
const START = Date.parse('2026-11-30T06:00:00Z');

/** A reproducible log of one busy day: times mostly rising, some out of order (seq is commit order, not clock order). */
function scriptedLog(count: number): LogEntry[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[Math.floor(next() * KINDS.length)];
    const at = new Date(START + i * 60_000 - Math.floor(next() * 5) * 60_000);
    return {
      seq: String(1000 + i), id: `entry-${i}`, at, kind, decision: next() < 0.9 ? 'ALLOWED' : 'DENIED', actorId: next() < 0.05 ? null : USERS[Math.floor(next() * USERS.length)],
      caseId: 'case-1', agency: kind === 'AGENCY_FETCH' ? 'police' : null, rule: kind === 'CASE_MUTATION' ? (next() < 0.5 ? 'RATE_CASE' : 'ASSIGN_CASE') : null, reason: null, requestId: null, grantId: null,
    };
  });
}

/** A stand-in for the hub database answering contextEntries' query over the log, counting the rows it returns. */
function database(log: LogEntry[]) {
  const read = { queries: 0, rows: 0 };
  const answer = (upTo: string, since: Date, users: string[]) =>
    log.filter((entry) => BigInt(entry.seq) <= BigInt(upTo) && entry.at >= since && entry.actorId !== null && users.includes(entry.actorId) && relevant(entry));
  const manager = {
    query: async (_sql: string, [upTo, since, users]: [string, Date, string[]]) => {
      const rows = answer(upTo, since, users);
      read.queries += 1;
      read.rows += rows.length;
      return rows;
    },
  } as unknown as EntityManager;
  return { manager, answer, read };
}

const seqs = (entries: LogEntry[]) => entries.map((entry) => entry.seq);

test('page after page, the look-back is exactly the database query, and most of it is not read again', async () => {
  const log = scriptedLog(600);
  const { manager, answer, read } = database(log);
  const cache = new ContextCache();
  let position = '999';
  let expectedRows = 0;
  for (let page = 0; position !== log[log.length - 1].seq; page += 1) {
    const entries = log.filter((entry) => BigInt(entry.seq) > BigInt(position)).slice(0, 25);
    const fresh = entries.filter(relevant);
    const users = [...new Set(fresh.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
    if (fresh.length > 0) {
      const earliest = Math.min(...fresh.map((entry) => entry.at.getTime()));
      // Look-backs as the rules ask them: the start of the day, or a window of minutes; every 11th page a long one, earlier than any before.
      const since = new Date(page % 11 === 5 ? earliest - 36 * 3_600_000 : page % 3 === 2 ? earliest - 60 * 60_000 : earliest - (earliest % 86_400_000));
      const expected = answer(position, since, users);
      expectedRows += expected.length;
      expect(seqs(await cache.entries(manager, users, since, position))).toEqual(seqs(expected));
    }
    const last = entries[entries.length - 1].seq;
    cache.advance(fresh, last);
    position = last;
    // Now and then another gateway scans a page in between: this scan's cache is behind the watermark.
    if (page % 13 === 12) position = log.filter((entry) => BigInt(entry.seq) > BigInt(position)).slice(0, 25).at(-1)?.seq ?? position;
  }
  expect(expectedRows).toBeGreaterThan(3_000);
  expect(read.rows).toBeLessThan(expectedRows / 3);
});
