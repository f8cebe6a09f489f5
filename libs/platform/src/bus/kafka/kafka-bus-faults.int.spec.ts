import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Admin, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '../../event-store/postgres-event-store';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { missingService } from '@app/testing/infra/require-infra';
import { waitFor } from '@app/testing/wait-for';
import type { Projection } from '../projection';
import { replayProjection } from '../replay/replay-projection';
import type { FixtureProcess } from '@app/testing/bus/kafka-test-kit';
import {
  REPO_ROOT,
  allEvents,
  killAllFixtures,
  readTopic,
  startFixture,
  startWriter,
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
 * Process-level faults on the Kafka bus, against the real broker: a relay SIGKILLed between
 * Kafka's ack and its checkpoint commit, a broker restart under load, a consumer SIGKILLed in the
 * middle of a batch, a consumer-group rebalance, and an instance that keeps applying a partition
 * after the group gave it to another (its batch outlasted its session). Relays and consumers that must die run as
 * child processes (`bus/testing/*.process.ts`). After each fault the read model must equal the
 * fold of every event: nothing lost, nothing applied twice.
 */
const describeWithKafka = process.env.KAFKA_BROKERS ? describe : describe.skip;
const run = promisify(execFile);

describeWithKafka('Kafka bus under process faults (real broker, child processes)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let admin: Admin;
  const running: { stop(): Promise<void> }[] = [];
  const topics: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('kafka_faults');
    dataSource = await db.dataSource();
    kafka = testKafkaClient('kafka-faults-int');
    admin = kafka.admin();
    await admin.connect();
  });

  afterEach(async () => {
    // Whatever a test left behind, even when it failed: child processes first, then in-process parts.
    await killAllFixtures();
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
    const topic = topicFor(producer, 'item');
    topics.push(topic, deadLetterTopicFor(topic));
    const env = {
      BUS_DATABASE_URL: db.url,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
      PRODUCER: producer,
      CONSUMER: consumerSchema,
    };
    /** Counts handler runs (each is one application inside a batch transaction). */
    const handled = { count: 0 };
    const base = titlesProjection({ consumerSchema, producer });
    const projection: Projection = {
      ...base,
      handlers: {
        TitleSet: async (event, context) => {
          await base.handlers.TitleSet(event, context);
          handled.count += 1;
        },
      },
    };
    const startRelay = async (onError?: (error: unknown) => void) => {
      const relay = new KafkaRelay({ service: producer, kafka, dataSource, store, onError });
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
    const spawn = async (
      file: 'relay.process.ts' | 'consumer.process.ts',
      extra: Record<string, string> = {},
    ) => {
      const child = startFixture(file, { ...env, ...extra });
      await child.waitForLine((l) => l.ready === true, 30_000, 'ready');
      return child;
    };
    return { producer, consumerSchema, store, projection, topic, handled, startRelay, startConsumer, spawn };
  }

  /** The consumer's applied version of each stream must be the stream's version: each event applied once. */
  async function expectAppliedVersionsEqualStreams(producer: string, consumerSchema: string) {
    const mismatches = await dataSource.query<unknown[]>(
      `SELECT s.stream_id, s.version, v.version AS applied
         FROM ${producer}.streams s
         LEFT JOIN ${consumerSchema}.bus_applied_versions v ON v.stream_id = s.stream_id AND v.consumer = $1
        WHERE v.version IS DISTINCT FROM s.version`,
      [consumerSchema],
    );
    expect(mismatches).toEqual([]);
  }

  async function eventCount(store: PostgresEventStore) {
    const [{ count }] = await dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM ${store.schema}.events`,
    );
    return Number(count);
  }

  const linesOf = (child: FixtureProcess, field: string) =>
    child.lines.filter((l) => typeof l[field] === 'number').map((l) => l[field] as number);

  it('a relay SIGKILLed after Kafka acked but before its checkpoint committed loses nothing; the consumer applies the re-produced events once', async () => {
    const { producer, consumerSchema, store, projection, topic, spawn, startConsumer } = await setup();
    const streams = Array.from({ length: 10 }, () => `item-${randomUUID()}`);
    await writeTitles(store, { streams, count: 300, perAppend: 5 });
    await startConsumer();

    // Batches of 50: the first commits its checkpoint; the second is acked by Kafka, then the process dies.
    const crashing = await spawn('relay.process.ts', {
      CRASH_AFTER_PRODUCE: '1',
      CRASH_AFTER_EVENTS: '100',
      RELAY_BATCH_SIZE: '50',
    });
    const crash = await crashing.waitForLine((l) => l.crashing === true, 30_000, 'the crash after produce');
    expect(await crashing.exit).toEqual({ code: null, signal: 'SIGKILL' });
    const crashedBatch = crash.eventIds as string[];
    expect(crashedBatch).toHaveLength(50);
    expect(await topicEnd(admin, topic)).toBe(100);
    const [checkpoint] = await dataSource.query<{ covered: string }[]>(
      `SELECT count(*) AS covered FROM ${producer}.events e, ${producer}.subscription_checkpoints c
        WHERE c.subscription = 'relay:kafka' AND (e.transaction_id, e.global_position) <= (c.transaction_id, c.global_position)`,
    );
    expect(Number(checkpoint.covered)).toBe(50); // the crashed batch is on Kafka but not checkpointed

    // A new relay (without the crash flag) takes over while events keep being written.
    const writer = startWriter(store, streams, { prefix: 'w', pauseMs: 5 });
    const relay = await spawn('relay.process.ts');
    await waitFor(() => writer.written >= 100, 30_000, 'more writes');
    await writer.stop();
    await waitForFold(dataSource, consumerSchema, store, 60_000);
    expect((await relay.stop()).code).toBe(0);

    const events = await allEvents(store, dataSource);
    expect(events.length).toBe(await eventCount(store));
    const onTopic = await readTopic(kafka, topic);
    const seen = new Map<string, number>();
    for (const m of onTopic) seen.set(m.headers['event-id'], (seen.get(m.headers['event-id']) ?? 0) + 1);
    // Every event is on the topic; exactly the crashed batch is there twice (produced before the crash, again after).
    expect([...seen.keys()].sort()).toEqual(events.map((e) => e.eventId).sort());
    const duplicated = [...seen.entries()].filter(([, n]) => n > 1);
    expect(duplicated.every(([, n]) => n === 2)).toBe(true);
    expect(duplicated.map(([id]) => id).sort()).toEqual([...crashedBatch].sort());
    expect(onTopic).toHaveLength(events.length + crashedBatch.length);
    await expectAppliedVersionsEqualStreams(producer, consumerSchema);
    // A rebuild from offset 0 reads the duplicates too, and still matches the live read model.
    const report = await replayProjection({ projection, dataSource, source: { kind: 'kafka', kafka } });
    expect(report).toMatchObject({ events: events.length + crashedBatch.length, rows: 10, equal: true });
  }, 120_000);

  it('survives a broker restart while the relay and the consumer run and events are written: nothing lost, read model = fold', async () => {
    const pidFile = resolve(REPO_ROOT, '.infra/kafka/kafka.pid');
    const ours = process.env.KAFKA_BROKERS!.split(',').map((b) => b.trim());
    if (
      !existsSync(pidFile) ||
      ours.length !== 1 ||
      !['127.0.0.1:9092', 'localhost:9092'].includes(ours[0])
    ) {
      missingService(
        'Kafka broker restart',
        `the broker at ${process.env.KAFKA_BROKERS} was not started by scripts/infra/kafka-up.sh (no ${pidFile}), so it is not ours to restart`,
      );
      return;
    }
    const { producer, consumerSchema, store, topic, startRelay, startConsumer } = await setup();
    const relayErrors: string[] = [];
    const relay = await startRelay((error) => relayErrors.push(String(error)));
    await startConsumer();
    const streams = Array.from({ length: 12 }, () => `item-${randomUUID()}`);
    const writer = startWriter(store, streams, { prefix: 'w', pauseMs: 2 });
    let brokerDown = false;
    try {
      await waitFor(
        async () => (await readTitles(dataSource, consumerSchema)).reduce((n, r) => n + r.events, 0) >= 50,
        30_000,
        'events to flow before the restart',
      );
      const brokerPid = readFileSync(pidFile, 'utf8').trim();
      brokerDown = true;
      await run('bash', [resolve(REPO_ROOT, 'scripts/infra/kafka-down.sh')], { timeout: 90_000 });
      const writtenAtDown = writer.written;
      const producedAtDown = relay.producedCount;
      await new Promise((r) => setTimeout(r, 1_500));
      // Nothing can be acknowledged while the broker is gone (kafkajs may still be retrying inside
      // its own back-off, so an error surfacing here is possible but not guaranteed).
      expect(relay.producedCount).toBe(producedAtDown);
      await run('bash', [resolve(REPO_ROOT, 'scripts/infra/kafka-up.sh')], { timeout: 150_000 });
      brokerDown = false;
      expect(readFileSync(pidFile, 'utf8').trim()).not.toBe(brokerPid); // it really was restarted
      expect(writer.written).toBeGreaterThan(writtenAtDown); // writes went on while it was down
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      await writer.stop();
      if (brokerDown)
        await run('bash', [resolve(REPO_ROOT, 'scripts/infra/kafka-up.sh')], { timeout: 150_000 });
    }
    await waitForFold(dataSource, consumerSchema, store, 90_000).catch(async (error: unknown) => {
      const context = `topic end ${await topicEnd(admin, topic)}, relay produced ${relay.producedCount}, last relay errors: ${relayErrors.slice(-3).join(' | ')}`;
      throw new Error(`${(error as Error).message}; ${context}`, { cause: error });
    });
    const events = await allEvents(store, dataSource);
    const onTopic = new Set((await readTopic(kafka, topic, 60_000)).map((m) => m.headers['event-id']));
    expect(events.filter((e) => !onTopic.has(e.eventId))).toEqual([]);
    expect(onTopic.size).toBe(events.length);
    await expectAppliedVersionsEqualStreams(producer, consumerSchema);
  }, 240_000);

  it('a consumer SIGKILLed in the middle of a batch loses its uncommitted work; its replacement in the group finishes, each event applied once', async () => {
    const { producer, consumerSchema, store, topic, spawn, startRelay, startConsumer } = await setup();
    const streams = Array.from({ length: 12 }, () => `item-${randomUUID()}`);
    await writeTitles(store, { streams, count: 900, perAppend: 10 });
    await startRelay();
    await waitFor(async () => (await topicEnd(admin, topic)) === 900, 30_000, 'the events on the topic');

    const slow = await spawn('consumer.process.ts', { HANDLER_DELAY_MS: '4' });
    await slow.waitForLine((l) => (l.handled as number) >= 60, 60_000, '60 events handled');
    slow.kill('SIGKILL');
    expect((await slow.exit).signal).toBe('SIGKILL');
    const handledBeforeKill = Math.max(...linesOf(slow, 'handled'));
    const committed = (await readTitles(dataSource, consumerSchema)).reduce((n, r) => n + r.events, 0);
    // It was killed mid-batch: some handled events were never committed (rolled back with its transaction).
    expect(committed).toBeLessThan(handledBeforeKill);

    const writer = startWriter(store, streams, { prefix: 'after', pauseMs: 5 });
    await startConsumer();
    await waitFor(() => writer.written >= 50, 30_000, 'more writes');
    await writer.stop();
    await waitForFold(dataSource, consumerSchema, store, 60_000);
    await expectAppliedVersionsEqualStreams(producer, consumerSchema);
  }, 120_000);

  it('rebalances a group of two instances (one joins mid-stream, one leaves later) without losing or double-applying an event', async () => {
    const { producer, consumerSchema, store, handled, spawn, startRelay, startConsumer } = await setup();
    await startRelay();
    const first = await startConsumer();
    const streams = Array.from({ length: 30 }, () => `item-${randomUUID()}`);
    const writer = startWriter(store, streams, { prefix: 'w', pauseMs: 2 });
    let second: FixtureProcess | undefined;
    try {
      await waitFor(() => handled.count >= 100, 30_000, 'the first instance to apply events');
      // The second instance joins the group mid-stream: a rebalance hands it some partitions.
      second = await spawn('consumer.process.ts');
      await second.waitForLine(
        (l) => (l.handled as number) >= 50,
        60_000,
        'the second instance to apply events',
      );
      const firstBefore = handled.count;
      await waitFor(
        () => handled.count > firstBefore + 20,
        30_000,
        'both instances to apply events side by side',
      );
      // The first instance leaves: another rebalance hands the second every partition.
      await first.stop();
      const secondBefore = Math.max(...linesOf(second, 'handled'));
      await waitFor(
        () => Math.max(...linesOf(second!, 'handled')) > secondBefore + 100,
        30_000,
        'the second instance alone',
      );
    } finally {
      await writer.stop();
    }
    await waitForFold(dataSource, consumerSchema, store, 60_000);
    expect((await second.stop()).code).toBe(0);

    const total = await eventCount(store);
    const bySecond = Math.max(...linesOf(second, 'handled'));
    expect(handled.count).toBeGreaterThan(0);
    expect(bySecond).toBeGreaterThan(0);
    // Every handler run was an application that committed: each event was applied by exactly one instance.
    expect(handled.count + bySecond).toBe(total);
    await expectAppliedVersionsEqualStreams(producer, consumerSchema);
  }, 120_000);

  it('an instance whose batch outlasts its group session (a zombie) and the instance that takes its partition over never apply the same event twice', async () => {
    const { producer, consumerSchema, store, topic, handled, spawn, startRelay, startConsumer } =
      await setup();
    // One stream, so one partition and one batch; at 25 ms per event that batch takes ~10 s, past the 6 s session.
    const stream = `item-${randomUUID()}`;
    await writeTitles(store, { streams: [stream], count: 400, perAppend: 50 });
    await startRelay();
    await waitFor(async () => (await topicEnd(admin, topic)) === 400, 30_000, 'the events on the topic');
    // No time budget: the whole batch in one transaction, as a stuck handler would hold it.
    const zombie = await spawn('consumer.process.ts', { HANDLER_DELAY_MS: '25', MAX_BATCH_MS: '600000' });
    await zombie.waitForLine((l) => (l.handled as number) >= 10, 30_000, 'the slow instance to be mid-batch');
    // The second instance joins; the group drops the silent first one and hands the partition over.
    const successor = await startConsumer();
    await waitFor(
      async () => {
        const [group] = (await admin.describeGroups([consumerSchema])).groups;
        return (
          group.state === 'Stable' &&
          group.members.length === 1 &&
          group.members[0].clientId === 'kafka-faults-int'
        );
      },
      30_000,
      'the group to drop the silent instance and give the partition to the second one',
    );
    // …while the first is still applying the batch it was given: from here on, both work on that partition.
    expect(Math.max(...linesOf(zombie, 'handled'))).toBeLessThan(400);
    expect(zombie.exited).toBe(false);
    await waitForFold(dataSource, consumerSchema, store, 60_000);
    // Both instances finish what they were doing and commit; only then is the read model final.
    await successor.stop();
    await zombie.stop();
    const rows = await readTitles(dataSource, consumerSchema);
    expect(rows).toEqual(foldTitles(await allEvents(store, dataSource)));
    expect(rows).toMatchObject([{ stream_id: stream, events: 400, last_version: 400 }]);
    // Every handler run that happened was committed once: the later transaction skipped what the earlier applied.
    expect(handled.count + Math.max(0, ...linesOf(zombie, 'handled'))).toBe(400);
    await expectAppliedVersionsEqualStreams(producer, consumerSchema);
  }, 120_000);
});
