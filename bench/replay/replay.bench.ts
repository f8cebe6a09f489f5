import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rm } from 'node:fs/promises';
import { eventStoreMigrations, PostgresEventStore, replayProjection, runMigrations } from '@app/platform';
import { PostgresEventConsumer } from '@app/platform/bus/postgres/postgres-event-consumer';
import { openBenchPostgres, openDataSource } from '../bus/bench-database';
import { assertKafkaReachable } from '../bus/kafka-cleanup';
import { EVENT_LOG_TABLE, eventLogProjection } from './event-log.projection';
import type { KafkaReplayResult } from './kafka-replay';
import { replayFromKafka } from './kafka-replay';

/**
 * `npm run bench:replay`: 1,000,000 events in a store (`BENCH_REPLAY_EVENTS`), applied once by the
 * live consumer (the Postgres source, batched), then replayed from the first event into a fresh
 * copy of the read model, beside the floor: a raw server-side COPY of the same rows into a table
 * of the same shape. With KAFKA_BROKERS, the same events are also relayed into a topic and replayed
 * from offset 0. The database server must run on this machine (COPY writes a file there).
 */
const EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 1_000_000);
const PER_APPEND = 500;
const PRODUCER = 'bench_replay_producer';
const CONSUMER = 'bench_replay_consumer';

function progress(line: string): void {
  process.stderr.write(`[bench:replay] ${line}\n`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (ms: number) => `${Math.round((EVENTS * 1000) / ms).toLocaleString('en-US')} ev/s`;

async function load(store: PostgresEventStore): Promise<number> {
  const started = Date.now();
  const streams = Array.from({ length: 1_000 }, () => `item-${randomUUID()}`);
  let next = 0;
  const worker = async () => {
    for (let call = next++; call * PER_APPEND < EVENTS; call = next++) {
      const count = Math.min(PER_APPEND, EVENTS - call * PER_APPEND);
      const events = Array.from({ length: count }, (_, k) => ({
        type: 'TitleSet',
        data: { title: `title ${call * PER_APPEND + k}`, note: 'x'.repeat(100) },
      }));
      await store.append(streams[call % streams.length], events);
      if (call % 200 === 0) progress(`loaded ${(call * PER_APPEND).toLocaleString('en-US')}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return Date.now() - started;
}

/** The floor: the live read model's rows written out, then timed back into a table of the same shape. */
async function rawCopy(dataSource: DataSource): Promise<number> {
  const file = `/tmp/codemyspec-replay-bench-${process.pid}.copy`;
  await dataSource.query(`COPY ${CONSUMER}.event_log TO '${file}'`);
  await dataSource.query(`CREATE TABLE ${CONSUMER}.event_log_floor ${EVENT_LOG_TABLE}`);
  const started = Date.now();
  await dataSource.query(`COPY ${CONSUMER}.event_log_floor FROM '${file}'`);
  const copyMs = Date.now() - started;
  await rm(file, { force: true });
  return copyMs;
}

/** The Kafka replay's row of the table and its line under it (or why it was not measured). */
function kafkaLines(kafka: KafkaReplayResult | undefined, copyMs: number) {
  if (!kafka) return { rows: [], lines: ['Kafka: not measured (KAFKA_BROKERS unset)'] };
  return {
    rows: [
      `| replay from Kafka offset 0 into a fresh copy | ${seconds(kafka.replayMs)} | ${rate(kafka.replayMs)} | ${(kafka.replayMs / copyMs).toFixed(1)}× |`,
    ],
    lines: [
      `Kafka: the store relayed into a fresh 3-partition topic first in ${seconds(kafka.relayMs)} (${rate(kafka.relayMs)}, not part of the replay); replay checksum equal to the live read model: ${kafka.equal}`,
    ],
  };
}

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  // Before loading a million events: a wrong KAFKA_BROKERS fails now, in words, not after minutes.
  if (brokers.length > 0) await assertKafkaReachable(brokers);
  const pg = await openBenchPostgres();
  try {
    const dataSource = await openDataSource(pg.url, 12);
    try {
      await runMigrations(dataSource, PRODUCER, eventStoreMigrations);
      await runMigrations(dataSource, CONSUMER, eventStoreMigrations);
      await dataSource.query(`CREATE TABLE ${CONSUMER}.event_log ${EVENT_LOG_TABLE}`);
      const store = new PostgresEventStore(dataSource, PRODUCER);
      const loadMs = await load(store);
      progress(`loaded ${EVENTS} events in ${seconds(loadMs)}`);
      const projection = eventLogProjection(CONSUMER, PRODUCER);
      const live = new PostgresEventConsumer({
        name: CONSUMER,
        dataSource,
        schema: CONSUMER,
        projections: [projection],
        sourceSchemas: { [PRODUCER]: PRODUCER },
      });
      const liveStarted = Date.now();
      await live.start();
      while ((await live.lag()).some((l) => l.lag > 0)) await new Promise((r) => setTimeout(r, 200));
      const liveMs = Date.now() - liveStarted;
      await live.stop();
      progress(`live consumer applied them in ${seconds(liveMs)}`);

      let appliedMs = 0;
      const replayStarted = Date.now();
      const report = await replayProjection({
        projection,
        dataSource,
        source: { kind: 'event-store', sourceSchemas: { [PRODUCER]: PRODUCER } },
        liveConsumer: CONSUMER,
        onProgress: (events) => {
          if (events >= EVENTS && appliedMs === 0) appliedMs = Date.now() - replayStarted;
        },
      });
      progress(`replayed in ${seconds(appliedMs)} (compared in ${seconds(report.durationMs - appliedMs)})`);

      const copyMs = await rawCopy(dataSource);
      const kafka: KafkaReplayResult | undefined = brokers.length
        ? await replayFromKafka({
            brokers,
            dataSource,
            store,
            producerSchema: PRODUCER,
            consumerSchema: CONSUMER,
            events: EVENTS,
            progress,
          })
        : undefined;
      const fromKafka = kafkaLines(kafka, copyMs);
      const out = [
        '',
        `Replay: ${EVENTS.toLocaleString('en-US')} events (${pg.source}); read model = one row per event, written a batch at a time`,
        '',
        `| step | time | rate | vs raw COPY |`,
        `|---|---:|---:|---:|`,
        `| live consumer (Postgres source, batched) | ${seconds(liveMs)} | ${rate(liveMs)} | ${(liveMs / copyMs).toFixed(1)}× |`,
        `| replay from the first event into a fresh copy | ${seconds(appliedMs)} | ${rate(appliedMs)} | ${(appliedMs / copyMs).toFixed(1)}× |`,
        ...fromKafka.rows,
        `| raw COPY of the same rows (the floor) | ${seconds(copyMs)} | ${rate(copyMs)} | 1.0× |`,
        '',
        `replay checksum equal to the live read model: ${report.equal} (${report.events.toLocaleString('en-US')} events, ${report.rows.toLocaleString('en-US')} rows)`,
        ...fromKafka.lines,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await pg.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
