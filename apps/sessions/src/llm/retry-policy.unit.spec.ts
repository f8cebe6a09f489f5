import OpenAI from 'openai';
import { isRetryable, retryAfterMs, retryAfterSeconds } from './retry-policy';

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

  it('takes the pause a refusal asks for from its Retry-After, none from other errors', () => {
    const refused = OpenAI.APIError.generate(
      429,
      { error: { message: 'slow down' } },
      'slow down',
      new Headers({ 'retry-after': '2' }),
    );
    expect(retryAfterMs(refused)).toBe(2_000);
    expect(retryAfterMs(new Error('socket hang up'))).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '3' }))).toBe(3);
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Tue, 01 Dec 2026 10:00:05 GMT' }), now)).toBe(5);
    expect(retryAfterSeconds(new Headers())).toBeNull();
  });
});
