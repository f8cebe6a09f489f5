/** Which failures of an LLM call are worth another attempt: rate limits, server errors, timeouts, lost connections. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Exponential back-off with full jitter, capped; a `Retry-After` the server sent wins (capped too).
 * `random` is injected so the schedule is testable.
 */
export function backoffMs(
  attempt: number,
  retryAfterSeconds: number | null,
  options: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const cap = options.capMs ?? 20_000;
  if (retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0)
    return Math.min(cap, Math.round(retryAfterSeconds * 1000));
  const base = options.baseMs ?? 250;
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.round((options.random ?? Math.random)() * ceiling);
}

/** Reads `retry-after` (seconds or an HTTP date) from response headers. */
export function retryAfterSeconds(headers: Headers | undefined, now: number = Date.now()): number | null {
  const value = headers?.get('retry-after');
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}
