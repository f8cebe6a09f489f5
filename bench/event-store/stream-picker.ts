/** A stream to append to and the version the writer believes it is at (0: the stream does not exist yet). */
export interface PickedStream {
  readonly streamId: string;
  readonly expectedVersion: number;
}

/**
 * Gives each concurrent writer its own set of streams, and remembers their versions, so that every
 * append carries the exact expected version a real application would send and no two writers race.
 */
export class StreamPicker {
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly prefix: string,
    private readonly streamsPerWorker: number,
  ) {}

  pick(worker: number): PickedStream {
    const streamId = `${this.prefix}-w${worker}s${Math.floor(Math.random() * this.streamsPerWorker)}`;
    return { streamId, expectedVersion: this.versions.get(streamId) ?? 0 };
  }

  appended(stream: PickedStream, count: number): void {
    this.versions.set(stream.streamId, stream.expectedVersion + count);
  }
}
