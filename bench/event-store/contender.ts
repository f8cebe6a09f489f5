import type { BenchEvent } from './bench-event';

export const CONTENDER_NAMES = ['ours', 'emmett', 'raw'] as const;
export type ContenderName = (typeof CONTENDER_NAMES)[number];

/** Reads the global log one page at a time; after the last page it starts again from the beginning. */
export interface LogReader {
  /** The number of events in the page just read. */
  readPage(): Promise<number>;
}

/** One event store under test, driven the way an application would drive it. */
export interface Contender {
  readonly name: ContenderName;
  /** Appends `events` in one call; `expectedVersion` 0 means the stream is new. */
  append(streamId: string, expectedVersion: number, events: readonly BenchEvent[]): Promise<void>;
  reader(pageSize: number): LogReader;
  /** Events stored so far (not timed). */
  countEvents(): Promise<number>;
  /** The tables to VACUUM ANALYZE before reading (not timed). */
  readonly tables: readonly string[];
  close(): Promise<void>;
}
