import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { Admin, Kafka } from 'kafkajs';
import { ConfigResourceTypes } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { dataSourceExecutor } from '../../persistence/sql-executor';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { missingService } from '@app/testing/infra/require-infra';
import { waitFor } from '@app/testing/wait-for';
import { replayProjection } from '../replay/replay-projection';
import {
  allEvents,
  partitionOfKey,
  readTopic,
  testKafkaClient,
  topicEnd,
  waitForFold,
} from '@app/testing/bus/kafka-test-kit';
import {
  foldTitles,
  prepareTitlesSchemas,
  readTitles,
  titlesProjection,
  writeTitles,
} from '@app/testing/bus/titles.projection';
import { deadLetterTopicFor, topicFor } from '../../topics/topic-names';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { KafkaRelay } from './kafka-relay';

/**
 * The Kafka bus against the real broker: relay (outbox) → `codemyspec.<service>.item.v1` →
 * KafkaEventConsumer → titles read model, which must equal the single-threaded fold of the events.
 */
const describeWithKafka = process.env.KAFKA_BROKERS ? describe : describe.skip;

describeWithKafka('Kafka bus (relay → topics → consumer, real broker)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let admin: Admin;
  const running: { stop(): Promise<void> }[] = [];
  const topics: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('kafka_bus');
    dataSource = await db.dataSource();
    kafka = testKafkaClient('kafka-bus-int');
    admin = kafka.admin();
    await admin.connect();
  });

  afterEach(async () => {
    // Stop whatever a test left running, even when it failed.
    for (const component of running.splice(0).reverse()) await component.stop().catch(() => undefined);
  });

  afterAll(async () => {
    try {
      if (admin) {
        // The topics are kept forever by design (retention.ms=-1); these were only the tests'.
        const existing = new Set(await admin.listTopics());
        const ours = topics.filter((t) => existing.has(t));
        if (ours.length > 0) await admin.deleteTopics({ topics: ours }).catch(() => undefined);
        await admin.disconnect();
      }
    } finally {
      await db?.drop();
    }
  });

  async function setup() {
    const producer = `p${randomBytes(4).toString('hex')}`;
    const consumerSchema = `c${randomBytes(4).toString('hex')}`;
    const store = await prepareTitlesSchemas(dataSource, producer, consumerSchema);
    const projection = titlesProjection({ consumerSchema, producer });
    const topic = topicFor(producer, 'item');
    topics.push(topic, deadLetterTopicFor(topic));
    const startRelay = async () => {
      const relay = new KafkaRelay({ service: producer, kafka, dataSource, store });
      await relay.start();
      running.push(relay);
      return relay;
    };
    const startConsumer = async () => {
      const consumer = new KafkaEventConsumer({
        kafka,
        groupId: consumerSchema,
        dataSource,
        schema: consumerSchema,
        projections: [projection],
        maxAttempts: 2,
      });
      await consumer.start();
      running.push(consumer);
      return consumer;
    };
    return { producer, consumerSchema, store, projection, topic, startRelay, startConsumer };
  }

  /** Waits until the consumer group has committed every partition up to the topic's end. */
  async function caughtUp(consumer: KafkaEventConsumer, timeoutMs = 30_000) {
    await waitFor(
      async () => (await consumer.lag()).every((l) => l.lag === 0),
      timeoutMs,
      'the consumer group to commit to the end',
    );
  }

  it('relays every event to codemyspec.<service>.item.v1 (key = stream id, envelope headers) and the consumer builds the fold, while events are written concurrently', async () => {
    const { producer, consumerSchema, store, topic, startRelay, startConsumer } = await setup();
    await startRelay();
    await startConsumer();
    const streams = Array.from({ length: 9 }, () => `item-${randomUUID()}`);
    const withMetadata = async () => {
      for (let i = 0; i < 40; i++) {
        await store.append(streams[i % streams.length], [{ type: 'TitleSet', data: { title: `m${i}` } }], {
          metadata: { projectId: `project-${i % 3}`, correlationId: `corr-${i}`, actor: 'tester' },
        });
      }
    };
    await Promise.all([
      writeTitles(store, { streams, count: 200, prefix: 'a' }),
      writeTitles(store, { streams, count: 210, perAppend: 3, prefix: 'b' }),
      withMetadata(),
    ]);
    const events = await allEvents(store, dataSource);
    expect(events).toHaveLength(450);
    await waitForFold(dataSource, consumerSchema, store, 30_000);

    // Topics: the naming rule, 3 partitions, kept forever (the audit log), the DLQ likewise.
    expect(topic).toBe(`codemyspec.${producer}.item.v1`);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic, deadLetterTopicFor(topic)] });
    expect(metadata.topics.map((t) => t.partitions.length)).toEqual([3, 3]);
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [topic, deadLetterTopicFor(topic)].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['retention.ms'],
      })),
    });
    for (const resource of configs.resources) {
      expect(resource.configEntries.find((e) => e.configName === 'retention.ms')?.configValue).toBe('-1');
    }

    // Messages: one per event (no failure, so no duplicate), keyed by stream id, with the envelope headers.
    const messages = await readTopic(kafka, topic);
    expect(messages).toHaveLength(events.length);
    const byId = new Map(events.map((e) => [e.eventId, e]));
    const partitionOf = new Map<string, number>();
    const lastVersion = new Map<string, number>();
    for (const message of messages) {
      const event = byId.get(message.headers['event-id'])!;
      expect(event).toBeDefined();
      expect(message.key).toBe(event.streamId);
      expect(message.headers).toEqual({
        'event-id': event.eventId,
        'event-type': 'TitleSet',
        'schema-version': '1',
        'stream-position': String(event.version),
        'correlation-id': event.metadata.correlationId ?? '',
        'project-id': event.metadata.projectId ?? '',
      });
      expect(JSON.parse(message.value)).toMatchObject({
        eventId: event.eventId,
        service: producer,
        version: event.version,
      });
      // One key, one partition, and within it the stream's versions in order.
      expect(partitionOf.get(message.key) ?? message.partition).toBe(message.partition);
      partitionOf.set(message.key, message.partition);
      expect(event.version).toBe((lastVersion.get(message.key) ?? 0) + 1);
      lastVersion.set(message.key, event.version);
    }
    const withCorrelation = messages.filter((m) => m.headers['correlation-id'].startsWith('corr-'));
    expect(withCorrelation).toHaveLength(40);
    expect(withCorrelation.every((m) => /^project-[0-2]$/.test(m.headers['project-id']))).toBe(true);
  }, 90_000);

  it('applies an event message produced twice (a redelivery) exactly once', async () => {
    const { consumerSchema, store, topic, startRelay, startConsumer } = await setup();
    const streams = [`item-${randomUUID()}`, `item-${randomUUID()}`];
    await writeTitles(store, { streams, count: 10 });
    await startRelay();
    const consumer = await startConsumer();
    await waitForFold(dataSource, consumerSchema, store, 30_000);
    await caughtUp(consumer);

    // Produce every relayed message again, twice, with a plain (non-idempotent) producer.
    const original = await readTopic(kafka, topic);
    expect(original).toHaveLength(10);
    const raw = kafka.producer({ allowAutoTopicCreation: false });
    await raw.connect();
    try {
      for (let round = 0; round < 2; round++) {
        await raw.send({
          topic,
          acks: -1,
          messages: original.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        });
      }
    } finally {
      await raw.disconnect();
    }
    await writeTitles(store, { streams, count: 2, prefix: 'after' });
    await waitFor(
      async () => (await topicEnd(admin, topic)) === 32,
      30_000,
      'the relay to produce the 2 new events',
    );
    await caughtUp(consumer);
    const rows = await readTitles(dataSource, consumerSchema);
    expect(rows).toEqual(foldTitles(await allEvents(store, dataSource)));
    expect(rows.map((r) => r.events)).toEqual([6, 6]);
    const versions = await dataSource.query<{ version: string }[]>(
      `SELECT version FROM ${consumerSchema}.bus_applied_versions ORDER BY stream_id COLLATE "C"`,
    );
    expect(versions.map((v) => Number(v.version))).toEqual([6, 6]);
  }, 90_000);

  it('dead-letters a poison event to <topic>.dlq, holds the later events of its key behind it, and keeps every other key flowing in order', async () => {
    const { consumerSchema, store, topic, startRelay, startConsumer } = await setup();
    const bad = `item-${randomUUID()}`;
    // A good stream on the poison event's partition, and one on another partition.
    let sameKey = `item-${randomUUID()}`;
    while (partitionOfKey(sameKey) !== partitionOfKey(bad)) sameKey = `item-${randomUUID()}`;
    let otherKey = `item-${randomUUID()}`;
    while (partitionOfKey(otherKey) === partitionOfKey(bad)) otherKey = `item-${randomUUID()}`;
    const set = (stream: string, title: string, fail = false) =>
      store.append(stream, [{ type: 'TitleSet', data: fail ? { title, fail } : { title } }]);
    await set(bad, 'b1');
    await set(sameKey, 's1');
    await set(bad, 'b2', true);
    await set(otherKey, 'o1');
    await set(sameKey, 's2');
    await set(bad, 'b3');
    await set(otherKey, 'o2');
    await startRelay();
    await startConsumer();

    const dlq = deadLetterTopicFor(topic);
    await waitFor(async () => (await topicEnd(admin, dlq)) === 2, 30_000, 'two dead letters');
    // Later events: the held key stays held; the others keep flowing, in order.
    await set(bad, 'b4');
    await set(sameKey, 's3');
    await set(otherKey, 'o3');
    await waitFor(async () => (await topicEnd(admin, dlq)) === 3, 30_000, 'three dead letters');
    await waitFor(
      async () => (await readTitles(dataSource, consumerSchema)).filter((r) => r.events === 3).length === 2,
      30_000,
      'the good keys to apply all their events',
    );

    const rows = await readTitles(dataSource, consumerSchema);
    expect(rows.find((r) => r.stream_id === sameKey)).toMatchObject({ history: 's1,s2,s3', events: 3 });
    expect(rows.find((r) => r.stream_id === otherKey)).toMatchObject({ history: 'o1,o2,o3', events: 3 });
    expect(rows.find((r) => r.stream_id === bad)).toMatchObject({
      history: 'b1',
      events: 1,
      last_version: 1,
    });

    const letters = await readTopic(kafka, dlq);
    expect(letters.every((l) => l.key === bad && l.headers['dlq-consumer'] === consumerSchema)).toBe(true);
    expect(letters.map((l) => [l.headers['stream-position'], l.headers['dlq-kind']])).toEqual([
      ['2', 'poison'],
      ['3', 'held'],
      ['4', 'held'],
    ]);
    expect(letters[0].headers['dlq-reason']).toMatch(/handler failed 2 time\(s\): poison/);
    expect(letters[1].headers['dlq-reason']).toMatch(/held behind a poison event/);
    expect(JSON.parse(letters[0].value)).toMatchObject({
      streamId: bad,
      version: 2,
      data: { title: 'b2', fail: true },
    });
    const parked = await dataSource.query<{ version: string }[]>(
      `SELECT version FROM ${consumerSchema}.bus_parked_events ORDER BY version`,
    );
    expect(parked.map((p) => Number(p.version))).toEqual([2, 3, 4]);
  }, 90_000);

  it('replays the read model from Kafka offset 0 with a checksum equal to the live one (10k events)', async () => {
    const { consumerSchema, store, projection, topic, startRelay, startConsumer } = await setup();
    const streams = Array.from({ length: 50 }, () => `item-${randomUUID()}`);
    await writeTitles(store, { streams, count: 10_000, perAppend: 50 });
    await startRelay();
    const consumer = await startConsumer();
    await waitForFold(dataSource, consumerSchema, store, 90_000);
    await caughtUp(consumer);
    expect(await topicEnd(admin, topic)).toBe(10_000);

    const report = await replayProjection({ projection, dataSource, source: { kind: 'kafka', kafka } });
    expect(report).toMatchObject({ source: 'kafka', events: 10_000, rows: 50, equal: true });
    expect(report.checksumReplayed).toBe(report.checksumLive);
    // A drifted live row is detected.
    await dataSourceExecutor(dataSource).query(
      `UPDATE ${consumerSchema}.titles SET title = 'tampered' WHERE stream_id = $1`,
      [streams[0]],
    );
    expect((await replayProjection({ projection, dataSource, source: { kind: 'kafka', kafka } })).equal).toBe(
      false,
    );
  }, 150_000);

  it('is readable by an outside client: kcat shows the stream-id keys and the envelope headers', async () => {
    const kcat = await promisify(execFile)('kcat', ['-V']).then(
      () => true,
      () => false,
    );
    if (!kcat) {
      missingService('kcat', 'the kcat binary is not on PATH (apt-get install kcat)');
      return;
    }
    const { store, topic, startRelay } = await setup();
    const streams = [`item-${randomUUID()}`, `item-${randomUUID()}`, `item-${randomUUID()}`];
    await writeTitles(store, { streams, count: 6 });
    await startRelay();
    await waitFor(async () => (await topicEnd(admin, topic)) === 6, 30_000, 'six relayed messages');

    const broker = process.env.KAFKA_BROKERS!.split(',')[0];
    const { stdout } = await promisify(execFile)(
      'kcat',
      ['-b', broker, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k %h %s\n'],
      { timeout: 30_000 },
    );
    const lines = stdout.split('\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(6);
    const events = await allEvents(store, dataSource);
    for (const event of events) {
      const line = lines.find((l) => l.includes(`event-id=${event.eventId}`));
      expect(line).toBeDefined();
      const [key, headers] = line!.split(' ');
      expect(key).toBe(event.streamId);
      expect(headers.split(',')).toEqual(
        expect.arrayContaining([
          'event-type=TitleSet',
          `stream-position=${event.version}`,
          'schema-version=1',
          `event-id=${event.eventId}`,
        ]),
      );
      expect(line!.slice(key.length + headers.length + 2)).toContain(`"streamId":"${event.streamId}"`);
    }
  }, 60_000);
});
