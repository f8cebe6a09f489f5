export interface Backoff {
  /** The pause before the second attempt. */
  readonly firstMs: number;
  /** No pause is longer. */
  readonly maxMs: number;
}

/**
 * The pause before attempt `attempt + 1`: doubling from `firstMs` up to `maxMs`, with full jitter
 * (a random share of it), so that writers that collided do not collide again in step.
 */
export function retryDelayMs(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export interface RetryOptions extends Backoff {
  readonly attempts: number;
  /** Whether this error is worth another attempt (the default: every error). */
  readonly retryable?: (error: unknown) => boolean;
  readonly signal?: AbortSignal;
}

/** Runs `work` until it succeeds, the error is not retryable, or the attempts are spent. */
export async function retry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= options.attempts || options.signal?.aborted || !(options.retryable?.(error) ?? true))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, options)));
    }
  }
}

/** Asks `probe` until it answers true or `timeoutMs` passes (then false); polls grow up to `maxMs`. */
export async function pollUntil(
  probe: () => Promise<boolean>,
  options: {
    readonly timeoutMs: number;
    readonly firstMs?: number;
    readonly maxMs?: number;
    /** Stops waiting (answers false) once aborted. */
    readonly signal?: AbortSignal;
  },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.firstMs ?? 10;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline || options.signal?.aborted) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
    delay = Math.min(delay * 2, options.maxMs ?? 200);
  }
}
