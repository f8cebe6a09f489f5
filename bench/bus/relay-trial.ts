import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { GlobalCheckpoint } from '@app/domain/events/event-envelope';
import { KafkaRelay } from '@app/platform/bus/kafka/kafka-relay';
import type { RecordBatchProducer } from '@app/platform/bus/kafka/record-batch-producer';
import type { TopicProvisioner } from '@app/platform/bus/kafka/kafka-topics';
import type { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { quoteIdent } from '@app/platform/persistence/sql-executor';
import { topicFor } from '@app/platform/topics/topic-names';
import { epochMs } from './bench-clock';
import { waitForCheckpoint } from './progress-watch';

/** The relay's subscription (see `KafkaRelay`): its checkpoint lives in the store's schema. */
const RELAY_SUBSCRIPTION = 'relay:kafka';

export interface Rate {
  readonly events: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
}

export interface RelayTrial extends Rate {
  readonly batchSize: number;
  /** Messages acknowledged by Kafka (more than `events` only if a batch was produced twice). */
  readonly produced: number;
}

export interface RelayTrialOptions {
  readonly dataSource: DataSource;
  readonly kafka: Kafka;
  readonly provisioner: TopicProvisioner;
  readonly store: PostgresEventStore;
  readonly producerSchema: string;
  /** The store's last event: the trial ends when the relay's checkpoint reaches it. */
  readonly end: GlobalCheckpoint;
  readonly events: number;
  /** The producing service's name: its own topic. */
  readonly service: string;
  readonly batchSize: number;
  /** Default: the relay's own (kafkajs). */
  readonly producer?: () => RecordBatchProducer;
  readonly progress: (line: string) => void;
}

/**
 * Relays the whole pre-loaded store to a fresh topic once: checkpoint reset, the topic created
 * beforehand (a one-off, not the steady state), timed from `start()` until the checkpoint reaches the end.
 */
export async function runRelayTrial(options: RelayTrialOptions): Promise<RelayTrial> {
  const { dataSource, progress } = options;
  await options.provisioner.ensure([topicFor(options.service, 'item')]);
  await dataSource.query(
    `DELETE FROM ${quoteIdent(options.producerSchema)}.subscription_checkpoints WHERE subscription = $1`,
    [RELAY_SUBSCRIPTION],
  );
  const relay = new KafkaRelay({
    service: options.service,
    kafka: options.kafka,
    producer: options.producer,
    dataSource,
    store: options.store,
    batchSize: options.batchSize,
    onError: (error, attempt) =>
      progress(`relay attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  try {
    await relay.start();
    const startedMs = epochMs();
    const doneMs = await waitForCheckpoint(
      dataSource,
      options.producerSchema,
      RELAY_SUBSCRIPTION,
      options.end,
      120_000,
    );
    return {
      batchSize: options.batchSize,
      produced: relay.producedCount,
      ...rate(options.events, doneMs - startedMs),
    };
  } finally {
    await relay.stop();
  }
}

export function rate(events: number, elapsedMs: number): Rate {
  return { events, elapsedMs, eventsPerSecond: (events * 1000) / elapsedMs };
}
