/** Progress of a consumer on one partition (Kafka) or source (Postgres). */
export interface PartitionLag {
  /** The Kafka topic, or the producing service's event store. */
  readonly source: string;
  readonly partition: number;
  readonly position: string;
  readonly end: string;
  readonly lag: number;
}

/** The consumer side of the bus, on Kafka or on the Postgres source: handlers cannot tell which. */
export interface EventConsumer {
  readonly name: string;
  start(): Promise<void>;
  /** Finishes the work in progress, commits and stops. */
  stop(): Promise<void>;
  lag(): Promise<PartitionLag[]>;
  /** Joined its group (Kafka) or reading every source (Postgres): events flow to the read models. */
  isReady(): boolean;
  retryParked(): Promise<{ applied: number; stillParked: number }>;
  /** Reads a source event store at once (the embedded bus; Kafka pushes by itself). */
  poke?(sourceSchema?: string): void;
}
