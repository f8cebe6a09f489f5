/**
 * A token bucket per key (per API token): `ratePerSecond` sustained, bursts up to `burst`.
 * Pure and clock-injected, so it is unit-tested without sleeping.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one request from the key's bucket; false when it is empty. */
  take(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    const refilled = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * this.ratePerSecond);
    const allowed = refilled >= 1;
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys)
      this.buckets.delete(this.buckets.keys().next().value as string);
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: nowMs });
    return allowed;
  }

  /** Seconds until the key may send again. */
  retryAfterSeconds(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.ceil((1 - bucket.tokens) / this.ratePerSecond);
  }
}
