/**
 * Requests per user per minute, as a token bucket per user id: a burst of up to a minute's worth,
 * refilled evenly. In this process only: with several gateway processes each counts its own, so
 * the effective limit is the per-process limit times the number of processes (README).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; refusing: boolean }>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /**
   * Takes one request from the user's allowance; when there is none, the seconds to wait and
   * whether this is the first refusal since the user was last let through (the one worth recording).
   */
  take(userId: string): { allowed: true } | { allowed: false; retryAfterSeconds: number; first: boolean } {
    if (this.perMinute <= 0) return { allowed: true };
    const now = this.now();
    const bucket = this.buckets.get(userId) ?? { tokens: this.perMinute, at: now, refusing: false };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    if (bucket.tokens < 1) {
      const first = !bucket.refusing;
      bucket.refusing = true;
      return { allowed: false, retryAfterSeconds: Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute), first };
    }
    bucket.tokens -= 1;
    bucket.refusing = false;
    return { allowed: true };
  }

  /** Users whose bucket has refilled hold nothing worth keeping. */
  private forgetIdle(now: number): void {
    for (const [userId, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(userId);
  }
}
