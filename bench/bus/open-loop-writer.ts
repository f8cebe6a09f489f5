import type { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { epochMs } from './bench-clock';
import { probeEvent } from './bench-events';

export interface OpenLoopOptions {
  readonly store: PostgresEventStore;
  /** Offered load, events per second (one event per append). */
  readonly rate: number;
  readonly durationMs: number;
  /** Sequence number of the first probe; the run writes `firstSeq … firstSeq + count − 1`. */
  readonly firstSeq: number;
  readonly streams: readonly string[];
  readonly maxInFlight: number;
  /** Runs after each append committed: production pokes the relay there. */
  readonly afterAppend?: () => void;
}

export interface OpenLoopReport {
  readonly firstSeq: number;
  readonly count: number;
  /** Per probe (index = seq − firstSeq): append committed − scheduled send time; NaN when it failed. */
  readonly appendLatencies: Float64Array;
  readonly failures: number;
  readonly firstFailure?: string;
  /** The most probes that were due but not issued yet (the in-flight limit was reached). */
  readonly maxBacklog: number;
}

/**
 * An open-loop writer: probe i is due at `start + i / rate`, whatever happened to earlier probes,
 * and carries that scheduled time as `sentMs`. A probe issued late (timer granularity, or the
 * in-flight limit) keeps its scheduled time, so the delay counts against latency and a slow
 * system cannot hide behind a slower offered load (no coordinated omission).
 */
export function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopReport> {
  return new Promise((resolve) => {
    const intervalMs = 1000 / options.rate;
    const count = Math.round((options.durationMs * options.rate) / 1000);
    const startMs = epochMs() + 2;
    const appendLatencies = new Float64Array(count).fill(Number.NaN);
    let next = 0;
    let inFlight = 0;
    let failures = 0;
    let firstFailure: string | undefined;
    let maxBacklog = 0;
    let timer: NodeJS.Timeout | undefined;

    const issue = (index: number) => {
      const sentMs = startMs + index * intervalMs;
      const streamId = options.streams[index % options.streams.length];
      inFlight += 1;
      void options.store
        .append(streamId, [probeEvent(options.firstSeq + index, sentMs)])
        .then(
          () => {
            appendLatencies[index] = epochMs() - sentMs;
            options.afterAppend?.();
          },
          (error: unknown) => {
            failures += 1;
            firstFailure ??= error instanceof Error ? error.message : String(error);
          },
        )
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    };

    const pump = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const due = Math.min(count, Math.floor((epochMs() - startMs) / intervalMs) + 1);
      while (next < due && inFlight < options.maxInFlight) issue(next++);
      maxBacklog = Math.max(maxBacklog, due - next);
      if (next < count && inFlight < options.maxInFlight) {
        timer = setTimeout(pump, Math.max(0, startMs + next * intervalMs - epochMs()));
      }
      if (next >= count && inFlight === 0) {
        resolve({ firstSeq: options.firstSeq, count, appendLatencies, failures, firstFailure, maxBacklog });
      }
    };

    timer = setTimeout(pump, 2);
  });
}
