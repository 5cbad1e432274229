import { canonicalHash } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { DEFAULT_POLICY } from '../default-policy';
import { PolicyStore } from '../policy-store';

/** A store over a fake hub whose active version is read by `findOneBy`, each read held until released. */
function storeWithPendingReads() {
  const reads: (() => void)[] = [];
  const record = { version: DEFAULT_POLICY.version, document: DEFAULT_POLICY, documentHash: canonicalHash(DEFAULT_POLICY), status: 'ACTIVE' };
  const findOneBy = jest.fn(() => new Promise((resolve) => reads.push(() => resolve(record))));
  const dataSource = { getRepository: () => ({ findOneBy }) } as unknown as DataSource;
  let nowMs = 0;
  const store = new PolicyStore({ dataSource, onChange: async () => {}, now: () => new Date(nowMs) });
  return { store, findOneBy, release: () => reads.splice(0).forEach((resolve) => resolve()), later: (ms: number) => (nowMs += ms) };
}

describe('the active policy cache', () => {
  it('reads the hub once for every request that asks while a read is under way', async () => {
    const { store, findOneBy, release } = storeWithPendingReads();
    const asked = Promise.all(Array.from({ length: 20 }, () => store.active()));
    release();
    const policies = await asked;
    expect(findOneBy).toHaveBeenCalledTimes(1);
    expect(policies.every((policy) => policy?.version === DEFAULT_POLICY.version)).toBe(true);
  });

  it('reads it again once the cache has expired', async () => {
    const { store, findOneBy, release, later } = storeWithPendingReads();
    const first = store.active();
    release();
    await first;
    later(5_000);
    const second = store.active();
    release();
    await second;
    expect(findOneBy).toHaveBeenCalledTimes(2);
  });
});
