import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@app/domain';
import type { PostgresEventStore } from '../../event-store/postgres-event-store';
import { SubscriptionRunner } from '../../subscriptions/subscription-runner';
import { toBusEvent } from '../bus-event';
import { topicFor } from '../../topics/topic-names';
import { toMessage } from '../wire-format';
import type { TopicSettings } from './kafka-topics';
import { TopicProvisioner } from './kafka-topics';
import { KafkajsRecordProducer } from './kafkajs-record-producer';
import type { OutboxRecord, RecordBatchProducer } from './record-batch-producer';

export interface KafkaRelayOptions {
  readonly service: string;
  /** The first segment of the topic names (`KAFKA_TOPIC_NAMESPACE`). */
  readonly topicNamespace?: string;
  readonly kafka: Kafka;
  /** Makes the producer (a fresh one after a failed send); default: kafkajs on `kafka`. */
  readonly producer?: () => RecordBatchProducer;
  readonly dataSource: DataSource;
  /** The service's own event store: the outbox. */
  readonly store: PostgresEventStore;
  readonly topics?: Partial<TopicSettings>;
  readonly batchSize?: number;
  /**
   * Upper bound of one produce request (keys, values, headers and record overhead); a larger batch
   * goes out as several requests, one after another. Each partition's record batch must stay under
   * the broker's `message.max.bytes` (1 MiB by default): the broker refuses a larger one whole, and
   * the relay would retry it forever. Default 900 KiB.
   */
  readonly maxRequestBytes?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
  /** Test hook: runs after Kafka acknowledged a batch, before the checkpoint commits. */
  readonly afterProduce?: (events: readonly EventEnvelope[]) => void | Promise<void>;
}

/**
 * The outbox relay: a subscription over the service's own event store that produces every event,
 * in gap-safe global order, to `codemyspec.<service>.<aggregate>.v1` (key = stream id), with
 * `acks: -1` and the idempotent producer. The checkpoint moves, by compare-and-set in the same
 * transaction, only after Kafka acknowledged, so delivery is at least once and never lost.
 * One relay per service is active at a time (the subscription's advisory lock).
 */
export class KafkaRelay {
  private producer: RecordBatchProducer;
  /** Set after a failed send: the next batch goes through a fresh producer (see `publish`). */
  private producerNeedsReset = false;
  private readonly provisioner: TopicProvisioner;
  private readonly runner: SubscriptionRunner;
  private produced = 0;

  constructor(private readonly options: KafkaRelayOptions) {
    this.producer = this.createProducer();
    this.provisioner = new TopicProvisioner(options.kafka, {
      partitions: options.topics?.partitions ?? 3,
      replicationFactor: options.topics?.replicationFactor ?? -1,
    });
    this.runner = new SubscriptionRunner({
      name: 'relay:kafka',
      source: options.store,
      dataSource: options.dataSource,
      checkpointSchema: options.store.schema,
      batchSize: options.batchSize ?? 1000,
      pollIntervalMs: options.pollIntervalMs ?? 10,
      transactional: false, // producing to Kafka writes nothing to the database
      onError: options.onError,
      handle: (events) => this.publish(events),
    });
  }

  /** Events produced (and acknowledged) since start. */
  get producedCount(): number {
    return this.produced;
  }

  get isActive(): boolean {
    return this.runner.isActive;
  }

  async start(): Promise<void> {
    await this.producer.connect();
    this.runner.start();
  }

  async stop(): Promise<void> {
    await this.runner.stop();
    await this.producer.disconnect();
    await this.provisioner.close();
  }

  /** Skips the rest of the poll wait (call after a local append for lower latency). */
  poke(): void {
    this.runner.poke();
  }

  private async publish(events: readonly EventEnvelope[]): Promise<void> {
    // Store order, cut into requests of at most maxRequestBytes (see the option).
    const maxRequestBytes = this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    const requests: Map<string, OutboxRecord[]>[] = [];
    const topics = new Set<string>();
    let byTopic = new Map<string, OutboxRecord[]>();
    let requestBytes = 0;
    for (const event of events) {
      const topic = topicFor(this.options.service, event.streamType, this.options.topicNamespace);
      const busEvent = toBusEvent(event, this.options.service);
      const { key, value, headers: eventHeaders } = toMessage(busEvent);
      const headers: Record<string, string> = { ...eventHeaders };
      const bytes = encodedSize(key, value, headers);
      if (requestBytes > 0 && requestBytes + bytes > maxRequestBytes) {
        requests.push(byTopic);
        byTopic = new Map();
        requestBytes = 0;
      }
      requestBytes += bytes;
      topics.add(topic);
      let messages = byTopic.get(topic);
      if (!messages) byTopic.set(topic, (messages = []));
      messages.push({ key, value, headers });
    }
    if (requestBytes > 0) requests.push(byTopic);
    await this.provisioner.ensure(topics);
    if (this.producerNeedsReset) await this.resetProducer();
    try {
      // One request after the other: with the idempotent producer and one request in flight, each
      // key's order holds across them. If a later one fails, the whole batch is produced again.
      for (const request of requests) {
        await this.producer.send([...request.entries()].map(([topic, records]) => ({ topic, records })));
      }
    } catch (error) {
      // A send that failed part-way (e.g. the broker went down) can leave the idempotent producer's
      // sequence numbers out of step with the broker's: kafkajs rolls its sequence back although the
      // broker may have written the batch, and every later send is then refused with
      // OUT_OF_ORDER_SEQUENCE_NUMBER, forever. So the retry goes through a fresh producer (a new
      // producer id). Nothing is lost: the checkpoint has not moved, the batch is produced again.
      this.producerNeedsReset = true;
      throw error;
    }
    this.produced += events.length;
    await this.options.afterProduce?.(events);
  }

  private createProducer(): RecordBatchProducer {
    return this.options.producer?.() ?? new KafkajsRecordProducer(this.options.kafka);
  }

  private async resetProducer(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    this.producer = this.createProducer();
    await this.producer.connect();
    this.producerNeedsReset = false;
  }
}

/** 900 KiB: under the broker's default `message.max.bytes` (1 MiB) with room for the batch header. */
const DEFAULT_MAX_REQUEST_BYTES = 900 * 1024;

/** An upper bound of a message's size in a record batch (v2): its bytes plus generous varint overhead. */
function encodedSize(key: string, value: string, headers: Readonly<Record<string, string>>): number {
  let bytes = Buffer.byteLength(key) + Buffer.byteLength(value) + 40;
  for (const [name, headerValue] of Object.entries(headers))
    bytes += Buffer.byteLength(name) + Buffer.byteLength(headerValue) + 10;
  return bytes;
}
