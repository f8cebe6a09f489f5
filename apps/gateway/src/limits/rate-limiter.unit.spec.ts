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

  it('takes several at once or none (200 aliased writes cost 200)', () => {
    const limiter = new RateLimiter(10, 50);
    const t = 1_000_000;
    expect(limiter.take('a', t, 200)).toBe(false);
    expect(limiter.take('a', t, 50)).toBe(true);
    expect(limiter.take('a', t)).toBe(false);
    expect(limiter.retryAfterSeconds('a', 200)).toBe(5);
  });

  it('tells whether a key could send without taking anything', () => {
    const limiter = new RateLimiter(1, 1);
    const t = 1_000_000;
    expect(limiter.allows('x', t)).toBe(true);
    expect(limiter.allows('x', t)).toBe(true);
    expect(limiter.take('x', t)).toBe(true);
    expect(limiter.allows('x', t)).toBe(false);
    expect(limiter.allows('x', t + 1_000)).toBe(true);
  });
});
