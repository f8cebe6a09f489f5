/**
 * A token bucket per key (an API token, or a client address): `ratePerSecond` sustained, bursts up
 * to `burst`. Pure and clock-injected, so it is unit-tested without sleeping.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {}

  private refilled(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.burst;
    return Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.ratePerSecond);
  }

  /** Takes `count` requests from the key's bucket at once; false (and nothing taken) when it has fewer. */
  take(key: string, nowMs: number, count = 1): boolean {
    const tokens = this.refilled(key, nowMs);
    const allowed = tokens >= count;
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys)
      this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(key, { tokens: allowed ? tokens - count : tokens, at: nowMs });
    return allowed;
  }

  /** True when the key could take one request now (nothing is taken). */
  allows(key: string, nowMs: number): boolean {
    return this.refilled(key, nowMs) >= 1;
  }

  /** Seconds until the key may send again. */
  retryAfterSeconds(key: string, count = 1): number {
    const bucket = this.buckets.get(key);
    if (!bucket || bucket.tokens >= count) return 0;
    return Math.ceil((Math.min(count, this.burst) - bucket.tokens) / this.ratePerSecond);
  }
}
