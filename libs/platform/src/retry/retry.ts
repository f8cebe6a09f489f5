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
  /** The pause after this failure, when the error says (a server's Retry-After); the back-off otherwise. */
  readonly delayMs?: (attempt: number, error: unknown) => number | null;
  /** Stops retrying: the last error is thrown, and a pause in progress ends at once. */
  readonly signal?: AbortSignal;
  /** How a pause is taken (a test counts them instead). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Runs `work` until it succeeds, the error is not retryable, the attempts are spent or the signal aborts. */
export async function retry<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= options.attempts || options.signal?.aborted || !(options.retryable?.(error) ?? true))
        throw error;
      const told = options.delayMs?.(attempt, error) ?? null;
      await sleep(
        told === null ? retryDelayMs(attempt, options) : Math.min(told, options.maxMs),
        options.signal,
      );
      if (options.signal?.aborted) throw error;
    }
  }
}

/** A pause that ends early when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
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
