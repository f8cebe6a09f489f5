/** What one run of the bus bench does; only the brokers come from the environment. */
export interface BusBenchSettings {
  readonly brokers: readonly string[];
  /** Offered loads of the latency phase, events per second. */
  readonly rates: readonly number[];
  readonly warmupMs: number;
  readonly measureMs: number;
  /** How long to wait, after the writer stopped, for the last measured events to arrive. */
  readonly drainTimeoutMs: number;
  /** The latency writer spreads its events round-robin over this many `item-…` streams. */
  readonly streams: number;
  /** Appends in flight at most; later due events queue (and their wait counts as latency). */
  readonly maxInFlight: number;
  /** Events pre-loaded for the throughput phase. */
  readonly preloadEvents: number;
  readonly preloadPerAppend: number;
  readonly preloadStreams: number;
  readonly relayBatchSizes: readonly number[];
}

export const DEFAULT_BUS_BENCH_SETTINGS: Omit<BusBenchSettings, 'brokers'> = {
  rates: [100, 1000],
  warmupMs: 2_000,
  measureMs: 10_000,
  drainTimeoutMs: 15_000,
  streams: 64,
  maxInFlight: 8,
  preloadEvents: 100_000,
  preloadPerAppend: 500,
  preloadStreams: 100,
  relayBatchSizes: [1000, 5000],
};

/** `KAFKA_BROKERS` is required: the bench compares the Kafka bus against the Postgres source. */
export function busBenchSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BusBenchSettings {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set: the bus bench needs a Kafka broker, e.g. ' +
        'KAFKA_BROKERS=127.0.0.1:9092 npm run bench:bus',
    );
  }
  return { ...DEFAULT_BUS_BENCH_SETTINGS, brokers };
}
