import { RateLimiter } from '../rate-limit';

describe('RateLimiter', () => {
  it('lets a minute\'s worth through at once, then refuses until the bucket refills', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20, first: true });
    expect(limiter.take('a')).toMatchObject({ allowed: false, first: false });
    expect(limiter.take('b').allowed).toBe(true);
    now += 20_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toMatchObject({ allowed: false, first: true });
  });

  it('is off at 0', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1000; i += 1) expect(limiter.take('a').allowed).toBe(true);
  });
});
