import { createRng, hashString, weighted } from '../random';

const draw = (seed: number | string, n = 5) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same sequence for the same seed, number or string', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw('police:P000001')).toEqual(draw('police:P000001'));
  });

  it('gives different sequences for neighbouring seeds', () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw('police:P000001')).not.toEqual(draw('police:P000002'));
    expect(hashString('health:P1')).not.toBe(hashString('health:P2'));
  });

  it('stays in range and covers it', () => {
    const rng = createRng(7);
    const ints = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(rng.int(-2, 3));
    }
    expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2, 3].sort());
  });

  it('is roughly uniform and honours chance()', () => {
    const rng = createRng('uniform');
    const buckets = new Array<number>(10).fill(0);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      buckets[Math.floor(rng.next() * 10)]++;
      if (rng.chance(0.25)) hits++;
    }
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
    expect(Math.abs(hits - 5000)).toBeLessThan(300);
  });

  it('picks, shuffles a copy and refuses to pick from nothing', () => {
    const rng = createRng(3);
    const items = [1, 2, 3, 4, 5];
    expect(items).toContain(rng.pick(items));
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.pick([])).toThrow('at least one');
  });

  it('picks by weight', () => {
    const rng = createRng(9);
    let a = 0;
    for (let i = 0; i < 4000; i++) if (weighted(rng, [['a', 3], ['b', 1]] as const) === 'a') a++;
    expect(Math.abs(a - 3000)).toBeLessThan(150);
  });
});
