import OpenAI from 'openai';
import type { Backoff } from '@app/platform';

/** The back-off between attempts of an LLM call (jittered, doubling): a server's Retry-After wins, capped alike. */
export const LLM_BACKOFF: Backoff = { firstMs: 250, maxMs: 20_000 };

/** The HTTP status of a failed call; null when none came back (a timeout, a stall, a lost connection). */
export function statusOf(error: unknown): number | null {
  return error instanceof OpenAI.APIError && typeof error.status === 'number' ? error.status : null;
}

/** Which failures of an LLM call are worth another attempt: rate limits, server errors, timeouts, lost connections. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The pause the server asked for after this failure (its `retry-after`), or null. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | null {
  const headers = error instanceof OpenAI.APIError ? (error.headers as Headers | undefined) : undefined;
  const seconds = retryAfterSeconds(headers, now);
  return seconds === null ? null : Math.round(seconds * 1000);
}

/** Reads `retry-after` (seconds or an HTTP date) from response headers. */
export function retryAfterSeconds(headers: Headers | undefined, now: number = Date.now()): number | null {
  const value = headers?.get('retry-after');
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}
