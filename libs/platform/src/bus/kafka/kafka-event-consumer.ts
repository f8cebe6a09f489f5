import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../persistence/sql-executor';
import { SharedTransactions } from '../../persistence/shared-transactions';
import { retry } from '../../retry/retry';
import type { BusEvent } from '../bus-event';
import type { EventConsumer, PartitionLag } from '../event-consumer';
import { EventApplier } from '../event-applier';
import type { BatchOutcome } from '../event-applier';
import type { Projection } from '../projection';
import { deadLetterTopicFor, topicFor } from '../../topics/topic-names';
import { fromMessageValue } from '../wire-format';
import type { TopicSettings } from './kafka-topics';
import { isTopicNotServedYet, TopicProvisioner } from './kafka-topics';
import { deadLetterMessages } from './dead-letter-messages';

export interface KafkaEventConsumerOptions {
  readonly kafka: Kafka;
  /** The consumer group: the consuming service's name. */
  readonly groupId: string;
  readonly dataSource: DataSource;
  /** Schema of the consuming service (applied versions, parked events, read models). */
  readonly schema: string;
  readonly projections: readonly Projection[];
  /** The first segment of the topic names (`KAFKA_TOPIC_NAMESPACE`). */
  readonly topicNamespace?: string;
  readonly topics?: Partial<TopicSettings>;
  readonly maxAttempts?: number;
  /** A transaction applies events for at most this long (default 500 ms; see EventApplier). */
  readonly maxBatchMs?: number;
  /** How long to wait before re-reading a partition held at a gap. */
  readonly gapRetryMs?: number;
  /** After this long at the same gap the waiting event is parked as poison (its predecessor is lost). */
  readonly maxGapWaitMs?: number;
  /** Fetch long-poll (default 250 ms) and group session (default 30 s). */
  readonly maxWaitTimeInMs?: number;
  readonly sessionTimeoutMs?: number;
  /** Largest number of messages applied in one database transaction. */
  readonly chunkSize?: number;
  /**
   * Partitions handled at once (default 3): the chunks handed over together share one transaction
   * (see SharedTransactions), so a fetch's partitions commit once. The pool needs a connection for
   * each transaction in flight.
   */
  readonly partitionsConcurrently?: number;
  readonly log?: (message: string) => void;
}

/**
 * Consumes the bus from Kafka. Each chunk of a partition's batch is applied in a database
 * transaction (read models + applied versions), shared with the chunks of the other partitions of
 * the same fetch; the offsets are committed only after that transaction commits.
 * Poison events go to `<topic>.dlq` and are parked; the later events of their key are parked behind
 * them, so per-key order survives while the other keys keep flowing.
 */
export class KafkaEventConsumer implements EventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly provisioner: TopicProvisioner;
  private readonly applier: EventApplier;
  private readonly transactions: SharedTransactions;
  private readonly topics: string[];
  private readonly gapSince = new Map<string, number>();
  private running = false;
  private joined = false;

  constructor(private readonly options: KafkaEventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // Whatever failed (the database, a handler), the consumer restarts and re-reads from the last
      // committed offset; kafkajs would otherwise stop for good on an error it does not know.
      retry: { retries: 10, restartOnFailure: async () => true },
      // Short long-polls: kafkajs 2.2.4 against Kafka 4.x was seen to stop fetching for good after an
      // idle 5 s long-poll; at 250 ms an idle consumer costs four small requests a second.
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 250,
      ...(options.sessionTimeoutMs === undefined ? {} : { sessionTimeout: options.sessionTimeoutMs }),
    });
    this.producer = options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.provisioner = new TopicProvisioner(options.kafka, {
      partitions: options.topics?.partitions ?? 3,
      replicationFactor: options.topics?.replicationFactor ?? -1,
    });
    this.transactions = new SharedTransactions(options.dataSource);
    this.applier = new EventApplier({
      consumer: options.groupId,
      schema: options.schema,
      projections: options.projections,
      maxAttempts: options.maxAttempts,
      maxBatchMs: options.maxBatchMs,
    });
    this.topics = [
      ...new Set(
        options.projections.flatMap((p) =>
          p.sources.flatMap((s) =>
            s.streamTypes.map((type) => topicFor(s.service, type, options.topicNamespace)),
          ),
        ),
      ),
    ];
  }

  get name(): string {
    return this.options.groupId;
  }

  async start(): Promise<void> {
    await this.provisioner.ensure([...this.topics, ...this.topics.map(deadLetterTopicFor)]);
    await this.retryParked();
    await this.producer.connect();
    await this.consumer.connect();
    await subscribeWhenServed(this.consumer, this.topics);
    this.running = true;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.joined = true;
    });
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      this.joined = false;
      const error = event.payload.error;
      this.options.log?.(
        `consumer ${this.options.groupId} crashed (${event.payload.restart ? 'restarting' : 'not restarting'}): ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // The partitions of a fetch are handed over together and their chunks share one transaction,
      // each under its own advisory lock (see SharedTransactions).
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Finishes the batch in progress, commits, and leaves the group. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.disconnect();
    await this.producer.disconnect();
    await this.provisioner.close();
  }

  isReady(): boolean {
    return this.running && this.joined;
  }

  async lag(): Promise<PartitionLag[]> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: this.topics });
      const result: PartitionLag[] = [];
      for (const topic of this.topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const end of ends) {
          const at = done.find((p) => p.partition === end.partition)?.offset ?? '-1';
          const position = at === '-1' ? Number(end.low) : Number(at);
          result.push({
            source: topic,
            partition: end.partition,
            position: String(position),
            end: end.high,
            lag: Math.max(0, Number(end.high) - position),
          });
        }
      }
      return result;
    } finally {
      await admin.disconnect();
    }
  }

  /** Re-applies parked events (e.g. after a handler fix). */
  async retryParked(): Promise<{ applied: number; stillParked: number }> {
    return inTransaction(this.options.dataSource, (sql) => this.applier.retryParked(sql));
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const resolveOffset = (offset: string) => payload.resolveOffset(offset);
    const heartbeat = () => payload.heartbeat();
    const isRunning = () => payload.isRunning();
    const isStale = () => payload.isStale();
    const chunkSize = this.options.chunkSize ?? 500;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) return;
      const messages = batch.messages.slice(start, start + chunkSize);
      const { events, malformed } = this.decode(messages);
      const outcome = await this.transactions.run(`${batch.topic}:${batch.partition}`, async (sql) => {
        // Kafka gives a partition one owner at a time only in the group's view: an instance whose
        // batch outlasted its session may still be applying it while the new owner starts. Serialize
        // them on the partition, so the later transaction sees what the earlier one committed and
        // skips it as duplicates instead of applying it a second time.
        await sql.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `codemyspec:bus:${this.options.groupId}:${batch.topic}:${batch.partition}`,
        ]);
        const result = await this.applier.applyBatch(
          events.map((e) => e.event),
          sql,
        );
        const forced = result.gap
          ? await this.parkIfGapTooOld(batch.topic, batch.partition, result, sql)
          : undefined;
        // Malformed messages past where the chunk stopped are met again when it is read on.
        const cut = events[(forced ?? result).handled]?.message;
        const before = cut
          ? malformed.filter((m) => BigInt(m.message.offset) < BigInt(cut.offset))
          : malformed;
        await this.sendToDeadLetters(batch.topic, result, before);
        return forced ?? result;
      });
      // Where the chunk stopped: at a gap, or out of time (maxBatchMs); undefined when it went through.
      const handledMessages = events[outcome.handled]?.message;
      // Everything before the gap (or the whole chunk) is durable now: commit its offsets.
      const lastDone = handledMessages
        ? messages[messages.indexOf(handledMessages) - 1]
        : messages[messages.length - 1];
      if (lastDone) {
        resolveOffset(lastDone.offset);
        await this.consumer.commitOffsets([
          {
            topic: batch.topic,
            partition: batch.partition,
            offset: (BigInt(lastDone.offset) + 1n).toString(),
          },
        ]);
      }
      await heartbeat();
      if (handledMessages) {
        // Read this partition again from there; at a gap, hold it a moment (other partitions flow).
        this.consumer.seek({
          topic: batch.topic,
          partition: batch.partition,
          offset: handledMessages.offset,
        });
        if (outcome.gap) await new Promise((resolve) => setTimeout(resolve, this.options.gapRetryMs ?? 200));
        return;
      }
    }
  }

  private decode(messages: KafkaMessage[]): {
    events: { event: BusEvent; message: KafkaMessage }[];
    malformed: { message: KafkaMessage; reason: string }[];
  } {
    const events: { event: BusEvent; message: KafkaMessage }[] = [];
    const malformed: { message: KafkaMessage; reason: string }[] = [];
    for (const message of messages) {
      try {
        events.push({ event: fromMessageValue(message.value), message });
      } catch (error) {
        malformed.push({ message, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { events, malformed };
  }

  private async parkIfGapTooOld(
    topic: string,
    partition: number,
    outcome: BatchOutcome,
    sql: Parameters<EventApplier['applyBatch']>[1],
  ): Promise<BatchOutcome | undefined> {
    const gap = outcome.gap;
    if (!gap) return undefined;
    const key = `${topic}/${partition}/${gap.event.eventId}`;
    const since = this.gapSince.get(key) ?? Date.now();
    this.gapSince.set(key, since);
    if (Date.now() - since < (this.options.maxGapWaitMs ?? 30_000)) return undefined;
    this.gapSince.delete(key);
    const reason = `version ${gap.expectedVersion} of stream ${gap.event.streamId} never arrived`;
    await this.applier.parkUnappliable(gap.event, reason, sql);
    this.options.log?.(`parked ${gap.event.eventId}: ${reason}`);
    return {
      ...outcome,
      gap: undefined,
      parked: [...outcome.parked, { event: gap.event, reason, kind: 'poison' }],
    };
  }

  private async sendToDeadLetters(
    topic: string,
    outcome: BatchOutcome,
    malformed: { message: KafkaMessage; reason: string }[],
  ): Promise<void> {
    const messages = deadLetterMessages(outcome, malformed, this.options.groupId);
    if (messages.length === 0) return;
    for (const parked of outcome.parked)
      this.options.log?.(`dead-lettered ${parked.event.eventId} (${parked.kind}): ${parked.reason}`);
    await this.producer.send({ topic: deadLetterTopicFor(topic), acks: -1, messages });
  }
}

/**
 * Subscribes, retrying while the broker still answers that it does not host a topic it has just
 * created (its metadata can lag the controller's for a moment on a fresh broker).
 */
async function subscribeWhenServed(consumer: Consumer, topics: string[]): Promise<void> {
  await retry(() => consumer.subscribe({ topics, fromBeginning: true }), {
    attempts: 40,
    firstMs: 100,
    maxMs: 1_000,
    retryable: isTopicNotServedYet,
  });
}
