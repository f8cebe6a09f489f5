import { performance } from 'node:perf_hooks';

/**
 * Wall-clock time in milliseconds since the epoch, with sub-millisecond resolution. Every thread
 * and process of this machine reads the same system clock, so stamps taken in one (the writer's
 * scheduled send time) and compared in another (the arrival observer) are consistent.
 */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
