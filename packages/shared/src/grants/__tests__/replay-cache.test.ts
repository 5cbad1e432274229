import { databaseReplayCache, memoryReplayCache, type ReplayStore } from '../replay-cache';

/** A stand-in for grant_use: the primary key, and what each statement was sent. */
function fakeStore(): ReplayStore & { statements: { text: string; values: readonly unknown[] }[]; ids: Map<string, Date> } {
  const ids = new Map<string, Date>();
  const statements: { text: string; values: readonly unknown[] }[] = [];
  return {
    ids,
    statements,
    async query<T>(text: string, values: readonly unknown[]): Promise<T[]> {
      statements.push({ text, values });
      if (text.startsWith('DELETE')) {
        for (const [id, until] of ids) if (until < (values[0] as Date)) ids.delete(id);
        return [];
      }
      const [id, until] = values as [string, Date];
      if (ids.has(id)) return [];
      ids.set(id, until);
      return [{ fresh: 1 } as T];
    },
  };
}

describe('databaseReplayCache', () => {
  it('accepts a grant id once, keeps it for the grant life past its expiry, and removes expired ids as it goes', async () => {
    let now = Date.parse('2026-12-01T09:00:00Z');
    const store = fakeStore();
    const cache = databaseReplayCache(store, { now: () => now, purgeEveryMs: 30_000 });
    const expiresAt = new Date(now + 60_000);
    expect(await cache.claim('grant-1', expiresAt)).toBe(true);
    expect(await cache.claim('grant-1', expiresAt)).toBe(false);
    expect(store.ids.get('grant-1')).toEqual(new Date(now + 120_000));
    // One statement per claim, committed asynchronously, no purge before the interval.
    expect(store.statements.map((statement) => statement.text.split(/\s+/)[0])).toEqual(['INSERT', 'INSERT']);
    expect(store.statements[0].text).toContain("set_config('synchronous_commit', 'off', true)");
    now += 200_000;
    expect(await cache.claim('grant-2', new Date(now + 60_000))).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.statements.at(-1)!.text).toMatch(/^DELETE FROM grant_use WHERE expires_at < \$1/);
    expect([...store.ids.keys()]).toEqual(['grant-2']);
  });

  it('reports a failed purge without failing the request', async () => {
    const errors: unknown[] = [];
    let now = 0;
    const store: ReplayStore = { query: async (text) => (text.startsWith('DELETE') ? Promise.reject(new Error('down')) : [{ fresh: 1 }]) as never };
    const cache = databaseReplayCache(store, { now: () => now, purgeEveryMs: 1, onPurgeError: (error) => errors.push(error) });
    now = 10;
    expect(await cache.claim('grant-1', undefined)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
  });
});

test('memoryReplayCache: once per id, forgotten after expiry', async () => {
  let now = 0;
  const cache = memoryReplayCache({ now: () => now });
  expect(await cache.claim('a', new Date(1_000))).toBe(true);
  expect(await cache.claim('a', new Date(1_000))).toBe(false);
  now = 1_000 + 60_001;
  expect(await cache.claim('a', new Date(1_000))).toBe(true);
});
