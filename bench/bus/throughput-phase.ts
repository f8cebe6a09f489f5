import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { TopicProvisioner } from '@app/platform/bus/kafka/kafka-topics';
import type { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { quoteIdent } from '@app/platform/persistence/sql-executor';
import { epochMs } from './bench-clock';
import { titleEvent } from './bench-events';
import type { BusBenchSettings } from './bench-settings';
import { ConsumerProcess } from './consumer-process';
import type { BusKind } from './consumer-protocol';
import { compareKafkaClients } from './kafka-clients-phase';
import type { KafkaClientComparison } from './kafka-clients-phase';
import { prepareLatestTitlesSchemas } from './latest-titles.projection';
import { endOfStore, waitForApplied } from './progress-watch';
import { rate, runRelayTrial } from './relay-trial';
import type { Rate, RelayTrial } from './relay-trial';

export type { Rate, RelayTrial } from './relay-trial';

export interface ThroughputResult {
  readonly events: number;
  readonly preload: Rate;
  readonly relayTrials: readonly RelayTrial[];
  /**
   * Store → read model through each consumer, over the same events (latest-titles read model),
   * written through a TypeORM entity (as the services write theirs), with one SQL statement per
   * event, and a batch at a time with multi-row statements (`handleRun`).
   */
  readonly consumers: Readonly<Record<BusKind, Readonly<Record<ReadModelWrites, Rate>>>>;
  readonly clients: KafkaClientComparison;
}

export type ReadModelWrites = 'entity' | 'sql' | 'batch';

const READ_MODEL = {
  entity: 'latest-titles',
  sql: 'latest-titles-sql',
  batch: 'latest-titles-batch',
} as const;

export interface ThroughputPhaseOptions {
  readonly settings: BusBenchSettings;
  readonly databaseUrl: string;
  readonly dataSource: DataSource;
  readonly kafka: Kafka;
  /** Prefix of the producing services (one per relay trial, so each trial has its own topic). */
  readonly servicePrefix: string;
  readonly producerSchema: string;
  readonly consumerPrefix: string;
  /** Consumer groups made here are added, so the bench deletes them at the end. */
  readonly groups: string[];
  readonly progress: (line: string) => void;
}

/** One consumer applying every pre-loaded event to its read model, timed from its first progress. */
async function drainInto(
  options: ThroughputPhaseOptions,
  schema: string,
  bus: BusKind,
  writes: ReadModelWrites,
): Promise<Rate> {
  const { settings, dataSource, progress } = options;
  const name = `${options.consumerPrefix}-${bus}-${writes}`;
  const consumer = await ConsumerProcess.start({
    bus,
    readModel: READ_MODEL[writes],
    databaseUrl: options.databaseUrl,
    brokers: settings.brokers,
    name,
    schema: schema,
    // The Kafka consumer reads the first trial's topic: every event once, like the store.
    producerService: `${options.servicePrefix}b${settings.relayBatchSizes[0]}`,
    producerSchema: options.producerSchema,
  });
  try {
    const applied = await waitForApplied(dataSource, schema, name, settings.preloadEvents, 180_000);
    // Timed between the first poll that saw progress and the one that saw the end: no start-up cost.
    const result = rate(settings.preloadEvents - applied.firstApplied, applied.doneMs - applied.firstMs);
    progress(`${bus} consumer, ${writes} writes: ${Math.round(result.eventsPerSecond)} events/s`);
    return result;
  } finally {
    await consumer.stop();
  }
}

/**
 * Pre-loads the store with batched appends, then relays it all to Kafka once per batch size
 * (checkpoint reset in between, a fresh topic each time), timing from the relay's start until its
 * checkpoint reaches the end. Then each consumer applies the same events to the latest-titles read model.
 */
export async function measureThroughput(options: ThroughputPhaseOptions): Promise<ThroughputResult> {
  const { settings, dataSource, progress } = options;
  const consumerSchema = (bus: BusKind, writes: ReadModelWrites) =>
    `${options.consumerPrefix}_${bus}_${writes}`;
  const store = await prepareConsumerSchemas(dataSource, options.producerSchema, consumerSchema);

  progress(`preloading ${settings.preloadEvents.toLocaleString('en-US')} events`);
  const preload = await preloadTitles(store, settings);
  await dataSource.query(`VACUUM (ANALYZE) ${quoteIdent(options.producerSchema)}.events`);
  const end = await endOfStore(dataSource, options.producerSchema);
  progress(`preloaded in ${(preload.elapsedMs / 1000).toFixed(1)} s`);

  const relayTrials: RelayTrial[] = [];
  const provisioner = new TopicProvisioner(options.kafka, { partitions: 3, replicationFactor: -1 });
  try {
    for (const batchSize of settings.relayBatchSizes) {
      const trial = await runRelayTrial({
        dataSource,
        kafka: options.kafka,
        provisioner,
        store,
        producerSchema: options.producerSchema,
        end,
        events: settings.preloadEvents,
        service: `${options.servicePrefix}b${batchSize}`,
        batchSize,
        progress,
      });
      relayTrials.push(trial);
      progress(`relay, batches of ${batchSize}: ${Math.round(trial.eventsPerSecond)} events/s`);
    }
  } finally {
    await provisioner.close();
  }

  // Interleaved, so a drift of the machine's speed affects both kinds of writes alike.
  const drain = (bus: BusKind, writes: ReadModelWrites) =>
    drainInto(options, consumerSchema(bus, writes), bus, writes);
  const postgresEntity = await drain('postgres', 'entity');
  const postgresSql = await drain('postgres', 'sql');
  const postgresBatch = await drain('postgres', 'batch');
  const kafkaEntity = await drain('kafka', 'entity');
  const kafkaSql = await drain('kafka', 'sql');
  const kafkaBatch = await drain('kafka', 'batch');
  // Last, so the measurements above run as they did before this comparison existed.
  const clients = await compareKafkaClients({
    dataSource,
    kafka: options.kafka,
    brokers: settings.brokers,
    store,
    producerSchema: options.producerSchema,
    end,
    events: settings.preloadEvents,
    servicePrefix: `${options.servicePrefix}c`,
    groups: options.groups,
    progress,
  });
  return {
    events: settings.preloadEvents,
    preload,
    relayTrials,
    clients,
    consumers: {
      kafka: { entity: kafkaEntity, sql: kafkaSql, batch: kafkaBatch },
      postgres: { entity: postgresEntity, sql: postgresSql, batch: postgresBatch },
    },
  };
}

/** The producer's store and one consumer schema per bus and kind of writes. */
async function prepareConsumerSchemas(
  dataSource: DataSource,
  producerSchema: string,
  consumerSchema: (bus: BusKind, writes: ReadModelWrites) => string,
): Promise<PostgresEventStore> {
  const store = await prepareLatestTitlesSchemas(
    dataSource,
    producerSchema,
    consumerSchema('kafka', 'entity'),
  );
  for (const [bus, writes] of [
    ['kafka', 'sql'],
    ['kafka', 'batch'],
    ['postgres', 'entity'],
    ['postgres', 'sql'],
    ['postgres', 'batch'],
  ] as const)
    await prepareLatestTitlesSchemas(dataSource, producerSchema, consumerSchema(bus, writes));
  return store;
}

/** `preloadEvents` TitleSet events, `preloadPerAppend` per append, four appends at a time on distinct streams. */
async function preloadTitles(store: PostgresEventStore, settings: BusBenchSettings): Promise<Rate> {
  const streams = Array.from({ length: settings.preloadStreams }, () => `item-${randomUUID()}`);
  const appends = Math.ceil(settings.preloadEvents / settings.preloadPerAppend);
  const started = epochMs();
  let next = 0;
  const worker = async () => {
    for (let call = next++; call < appends; call = next++) {
      const first = call * settings.preloadPerAppend;
      const count = Math.min(settings.preloadPerAppend, settings.preloadEvents - first);
      await store.append(
        streams[call % streams.length],
        Array.from({ length: count }, (_, k) => titleEvent(first + k)),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return rate(settings.preloadEvents, epochMs() - started);
}
