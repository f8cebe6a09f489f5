import { Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import type { EventConsumer } from './event-consumer';
import { KafkaEventConsumer } from './kafka/kafka-event-consumer';
import { KafkaRelay } from './kafka/kafka-relay';
import { installKafkajsIdleTimerFix } from './kafka/kafkajs-idle-timer-fix';
import { PostgresEventConsumer } from './postgres/postgres-event-consumer';
import type { Projection } from './projection';

export function kafkaClient(brokers: readonly string[], clientId: string): Kafka {
  installKafkajsIdleTimerFix();
  return new Kafka({
    clientId,
    brokers: [...brokers],
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 200 },
  });
}

/**
 * One setting chooses the bus: with `KAFKA_BROKERS` the service relays its store to Kafka and
 * consumes from Kafka; without it, consumers read the producing services' event stores directly.
 */
export function createEventConsumer(options: {
  readonly config: ServiceConfig;
  readonly dataSource: DataSource;
  readonly projections: readonly Projection[];
  readonly kafka?: Kafka;
  readonly onError?: (error: unknown, attempt: number) => void;
  readonly log?: (message: string) => void;
}): EventConsumer {
  const { config } = options;
  if (config.kafkaBrokers) {
    return new KafkaEventConsumer({
      kafka: options.kafka ?? kafkaClient(config.kafkaBrokers, `${config.service}-consumer`),
      groupId: config.kafkaGroupId,
      sessionTimeoutMs: config.kafkaSessionTimeoutMs,
      topicNamespace: config.kafkaTopicNamespace,
      dataSource: options.dataSource,
      schema: config.schema,
      projections: options.projections,
      log: options.log,
    });
  }
  return new PostgresEventConsumer({
    onError: options.onError,
    name: config.service,
    dataSource: options.dataSource,
    schema: config.schema,
    projections: options.projections,
  });
}

/** The outbox relay of a service, or undefined in the embedded default (no Kafka). */
export function createRelay(options: {
  readonly config: ServiceConfig;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  readonly kafka?: Kafka;
  readonly onError?: (error: unknown, attempt: number) => void;
}): KafkaRelay | undefined {
  const { config } = options;
  if (!config.kafkaBrokers) return undefined;
  return new KafkaRelay({
    service: config.service,
    topicNamespace: config.kafkaTopicNamespace,
    kafka: options.kafka ?? kafkaClient(config.kafkaBrokers, `${config.service}-relay`),
    dataSource: options.dataSource,
    store: options.store,
    onError: options.onError,
  });
}
