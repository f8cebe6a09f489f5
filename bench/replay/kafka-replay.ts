import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { kafkaClient, replayProjection } from '@app/platform';
import { KafkaRelay } from '@app/platform/bus/kafka/kafka-relay';
import { TopicProvisioner } from '@app/platform/bus/kafka/kafka-topics';
import { topicFor } from '@app/platform/topics/topic-names';
import type { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { deleteBenchTopicsAndGroups } from '../bus/kafka-cleanup';
import { endOfStore, waitForCheckpoint } from '../bus/progress-watch';
import { eventLogProjection } from './event-log.projection';

export interface KafkaReplayResult {
  /** The relay moving the whole store into a fresh topic (not part of the replay). */
  readonly relayMs: number;
  /** From offset 0 of that topic until every event is applied to a fresh copy of the read model. */
  readonly replayMs: number;
  readonly equal: boolean;
}

/**
 * The same events replayed from Kafka: the store relayed into a topic of its own (3 partitions,
 * keyed by stream), then `replayProjection` from offset 0 into a fresh copy, compared with the live
 * read model. The run's topic and consumer groups are deleted afterwards.
 */
export async function replayFromKafka(options: {
  readonly brokers: readonly string[];
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  readonly producerSchema: string;
  readonly consumerSchema: string;
  readonly events: number;
  readonly progress: (line: string) => void;
}): Promise<KafkaReplayResult> {
  const { dataSource, progress } = options;
  const kafka = kafkaClient(options.brokers, 'bench-replay');
  const service = `benchreplay${randomUUID().slice(0, 8)}`;
  const provisioner = new TopicProvisioner(kafka, { partitions: 3, replicationFactor: -1 });
  try {
    await provisioner.ensure([topicFor(service, 'item')]);
    const relay = new KafkaRelay({ service, kafka, dataSource, store: options.store, batchSize: 1_000 });
    const end = await endOfStore(dataSource, options.producerSchema);
    const relayStarted = Date.now();
    await relay.start();
    try {
      await waitForCheckpoint(dataSource, options.producerSchema, 'relay:kafka', end, 600_000);
    } finally {
      await relay.stop();
    }
    const relayMs = Date.now() - relayStarted;
    progress(`relayed into ${topicFor(service, 'item')} in ${(relayMs / 1000).toFixed(1)} s`);

    let replayMs = 0;
    const started = Date.now();
    const report = await replayProjection({
      projection: eventLogProjection(options.consumerSchema, service),
      dataSource,
      source: { kind: 'kafka', kafka },
      liveConsumer: options.consumerSchema,
      onProgress: (applied) => {
        if (applied >= options.events && replayMs === 0) replayMs = Date.now() - started;
      },
    });
    return { relayMs, replayMs, equal: report.equal };
  } finally {
    await provisioner.close();
    // replayProjection names its throwaway groups after the read model's consumer.
    await deleteBenchTopicsAndGroups(kafka, service, (group) =>
      group.startsWith(`replay-${options.consumerSchema}.`),
    );
  }
}
