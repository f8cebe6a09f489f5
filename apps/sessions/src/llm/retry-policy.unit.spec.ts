import { backoffMs, isRetryable, retryAfterSeconds } from './retry-policy';

describe('retry policy', () => {
  it('retries rate limits, server errors, timeouts and lost connections only', () => {
    expect([null, 408, 409, 429, 500, 502, 503].map(isRetryable)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 422].map(isRetryable)).toEqual([false, false, false, false, false]);
  });

  it('backs off exponentially with full jitter, capped, and honours Retry-After', () => {
    expect([1, 2, 3, 10].map((a) => backoffMs(a, null, { random: () => 1 }))).toEqual([
      250, 500, 1000, 20_000,
    ]);
    expect(backoffMs(3, null, { random: () => 0.5 })).toBe(500);
    expect(backoffMs(1, 2, { random: () => 1 })).toBe(2000);
    expect(backoffMs(1, 600)).toBe(20_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '3' }))).toBe(3);
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Tue, 01 Dec 2026 10:00:05 GMT' }), now)).toBe(5);
    expect(retryAfterSeconds(new Headers())).toBeNull();
  });
});
