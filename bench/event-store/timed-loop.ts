import { performance } from 'node:perf_hooks';

export interface TimedLoopResult {
  /** Units reported by the operation (events appended or read). */
  readonly units: number;
  readonly calls: number;
  readonly elapsedMs: number;
}

/**
 * Runs `operation` from `concurrency` workers until `durationMs` has passed; calls still in flight
 * at the deadline finish and count, and the elapsed time includes them.
 */
export async function runTimedLoop(
  durationMs: number,
  concurrency: number,
  operation: (worker: number) => Promise<number>,
): Promise<TimedLoopResult> {
  const started = performance.now();
  const deadline = started + durationMs;
  let units = 0;
  let calls = 0;
  const worker = async (index: number): Promise<void> => {
    while (performance.now() < deadline) {
      // Not `units += await …`: that reads `units` before the await and loses the other workers' counts.
      const done = await operation(index);
      units += done;
      calls += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  return { units, calls, elapsedMs: performance.now() - started };
}
