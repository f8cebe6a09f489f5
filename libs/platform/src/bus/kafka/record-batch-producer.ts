/** One record as the relay produces it: the stream id as key, the bus event as value. */
export interface OutboxRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TopicRecords {
  readonly topic: string;
  readonly records: readonly OutboxRecord[];
}

/**
 * The relay's port to a Kafka client: one produce request at a time, acknowledged by every in-sync
 * replica (`acks: -1`), through an idempotent producer with one request in flight, no compression.
 * A producer whose send failed is not used again (the relay makes a fresh one).
 */
export interface RecordBatchProducer {
  connect(): Promise<void>;
  send(request: readonly TopicRecords[]): Promise<void>;
  disconnect(): Promise<void>;
}
