/** What the supervisor does after a service crashed. */
export type RestartDecision =
  | { readonly action: 'restart'; readonly delayMs: number; readonly crashesInWindow: number }
  | { readonly action: 'give-up'; readonly crashesInWindow: number };

export interface RestartPolicy {
  /** Crashes within `windowMs` that make the supervisor give up (the service keeps failing). */
  readonly maxCrashes: number;
  readonly windowMs: number;
  /** The first restart waits this long; each further crash in the window doubles it, up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 60_000,
  firstDelayMs: 500,
  maxDelayMs: 10_000,
};

/**
 * Restart with back-off, or give up after `maxCrashes` crashes within `windowMs`. Pure: the
 * crash times (the newest last, this crash included) and the clock come in.
 */
export function decideRestart(
  crashTimes: readonly number[],
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  const crashesInWindow = crashTimes.filter((t) => now - t <= policy.windowMs).length;
  if (crashesInWindow >= policy.maxCrashes) return { action: 'give-up', crashesInWindow };
  const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, crashesInWindow - 1));
  return { action: 'restart', delayMs, crashesInWindow };
}
