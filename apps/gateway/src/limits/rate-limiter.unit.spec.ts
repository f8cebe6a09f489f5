import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then the sustained rate, per key', () => {
    const limiter = new RateLimiter(2, 3);
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a', t))).toEqual([true, true, true, false]);
    expect(limiter.take('b', t)).toBe(true);
    expect(limiter.retryAfterSeconds('a')).toBe(1);
    expect(limiter.take('a', t + 499)).toBe(false);
    expect(limiter.take('a', t + 1_000)).toBe(true);
    expect(limiter.take('a', t + 10_000)).toBe(true);
  });
});
