import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { START_OF_ALL } from '@app/domain';
import type { PostgresEventStore } from '../../event-store/postgres-event-store';
import { dataSourceExecutor } from '../../persistence/sql-executor';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { waitFor } from '@app/testing/wait-for';
import { replayProjection } from '../replay/replay-projection';
import {
  foldTitles,
  prepareTitlesSchemas,
  readTitles,
  titlesProjection,
  writeTitles,
} from '@app/testing/bus/titles.projection';
import { PostgresEventConsumer } from './postgres-event-consumer';

describe('PostgresEventConsumer (the embedded bus)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('pg_bus');
    dataSource = await db.dataSource();
  });

  afterAll(async () => {
    await db.drop();
  });

  async function setup(runLengths?: number[]) {
    const producer = `p${randomBytes(4).toString('hex')}`;
    const consumerSchema = `c${randomBytes(4).toString('hex')}`;
    const store = await prepareTitlesSchemas(dataSource, producer, consumerSchema);
    const projection = titlesProjection({ consumerSchema, producer, runLengths });
    const consumer = new PostgresEventConsumer({
      name: consumerSchema,
      dataSource,
      schema: consumerSchema,
      projections: [projection],
      maxAttempts: 2,
    });
    return { producer, consumerSchema, store, projection, consumer };
  }

  async function allEvents(store: PostgresEventStore) {
    return (await store.readAll(START_OF_ALL, 1_000_000)).events;
  }

  it('builds the read model to equal a single-threaded fold of the events, while they are being written', async () => {
    const { consumerSchema, store, consumer } = await setup();
    await consumer.start();
    try {
      const streams = Array.from({ length: 7 }, () => `item-${randomUUID()}`);
      await Promise.all([
        writeTitles(store, { streams, count: 150, prefix: 'a' }),
        writeTitles(store, { streams, count: 150, perAppend: 3, prefix: 'b' }),
      ]);
      await waitFor(
        async () => (await consumer.lag()).every((l) => l.lag === 0),
        10_000,
        'consumer to catch up',
      );
      expect(await readTitles(dataSource, consumerSchema)).toEqual(foldTitles(await allEvents(store)));
    } finally {
      await consumer.stop();
    }
  });

  it('tracks events it has no handler for, so the next handled event of the stream is not a gap', async () => {
    const { consumerSchema, store, consumer } = await setup();
    const stream = `item-${randomUUID()}`;
    await store.append(stream, [
      { type: 'Unhandled', data: {} },
      { type: 'AlsoUnhandled', data: {} },
    ]);
    await store.append(stream, [{ type: 'TitleSet', data: { title: 'after two others' } }]);
    await consumer.start();
    try {
      await waitFor(
        async () => (await readTitles(dataSource, consumerSchema)).length === 1,
        5_000,
        'the handled event',
      );
      expect((await readTitles(dataSource, consumerSchema))[0]).toMatchObject({
        title: 'after two others',
        last_version: 3,
      });
    } finally {
      await consumer.stop();
    }
  });

  it('applies a redelivered event once (duplicates have one effect)', async () => {
    const { consumerSchema, store, consumer } = await setup();
    const streams = [`item-${randomUUID()}`];
    await writeTitles(store, { streams, count: 5 });
    await consumer.start();
    await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0));
    await consumer.stop();
    // Rewind the checkpoint: every event is delivered again.
    await dataSource.query(`DELETE FROM ${consumerSchema}.subscription_checkpoints`);
    await consumer.start();
    await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0));
    await consumer.stop();
    const rows = await readTitles(dataSource, consumerSchema);
    expect(rows).toEqual(foldTitles(await allEvents(store)));
    expect(rows[0].events).toBe(5);
  });

  it('parks a poison event and the later events of its stream; other streams keep flowing; a retry applies them in order', async () => {
    const { consumerSchema, store, consumer } = await setup();
    const [bad, good] = [`item-${randomUUID()}`, `item-${randomUUID()}`];
    await store.append(bad, [{ type: 'TitleSet', data: { title: 'b1' } }]);
    await store.append(bad, [{ type: 'TitleSet', data: { title: 'b2', fail: true } }]);
    await store.append(good, [{ type: 'TitleSet', data: { title: 'g1' } }]);
    await store.append(bad, [{ type: 'TitleSet', data: { title: 'b3' } }]);
    await store.append(good, [{ type: 'TitleSet', data: { title: 'g2' } }]);
    await consumer.start();
    await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0));
    await consumer.stop();

    const rows = await readTitles(dataSource, consumerSchema);
    expect(rows.find((r) => r.stream_id === good)).toMatchObject({ history: 'g1,g2', events: 2 });
    expect(rows.find((r) => r.stream_id === bad)).toMatchObject({ history: 'b1', events: 1 });
    const parked = await dataSource.query<{ version: string; reason: string }[]>(
      `SELECT version, reason FROM ${consumerSchema}.bus_parked_events ORDER BY version`,
    );
    expect(parked.map((p) => Number(p.version))).toEqual([2, 3]);
    expect(parked[0].reason).toMatch(/handler failed 2 time\(s\): poison/);
    expect(parked[1].reason).toMatch(/held behind a poison event/);

    // "Fix the handler" by rewriting nothing but retrying: still poison, so nothing moves.
    expect(await consumer.retryParked()).toEqual({ applied: 0, stillParked: 2 });
    // Now fix the data the handler trips on (simulating a fixed handler) and retry: both apply in order.
    await dataSource.query(
      `UPDATE ${consumerSchema}.bus_parked_events SET envelope = jsonb_set(envelope, '{data,fail}', 'false') WHERE version = 2`,
    );
    expect(await consumer.retryParked()).toEqual({ applied: 2, stillParked: 0 });
    expect((await readTitles(dataSource, consumerSchema)).find((r) => r.stream_id === bad)).toMatchObject({
      history: 'b1,b2,b3',
      events: 3,
    });
  });

  it('hands a run handler the whole batch in one call; a poison event in it is parked alone as with per-event handlers', async () => {
    const runLengths: number[] = [];
    const { consumerSchema, store, consumer } = await setup(runLengths);
    const [bad, good] = [`item-${randomUUID()}`, `item-${randomUUID()}`];
    await store.append(
      good,
      Array.from({ length: 40 }, (_, i) => ({ type: 'TitleSet', data: { title: `g${i}` } })),
    );
    await store.append(bad, [{ type: 'TitleSet', data: { title: 'b1' } }]);
    await store.append(bad, [{ type: 'TitleSet', data: { title: 'b2', fail: true } }]);
    await store.append(good, [{ type: 'TitleSet', data: { title: 'g40' } }]);
    await consumer.start();
    await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0));
    await consumer.stop();

    // One run of all 43 (it failed on b2), then one run per event in the careful redo.
    expect(runLengths[0]).toBe(43);
    expect(runLengths.slice(1).every((length) => length === 1)).toBe(true);
    const rows = await readTitles(dataSource, consumerSchema);
    expect(rows.find((r) => r.stream_id === good)).toMatchObject({ events: 41, title: 'g40' });
    expect(rows.find((r) => r.stream_id === bad)).toMatchObject({ history: 'b1', events: 1 });
    const parked = await dataSource.query<{ version: string }[]>(
      `SELECT version FROM ${consumerSchema}.bus_parked_events`,
    );
    expect(parked.map((p) => Number(p.version))).toEqual([2]);
  });

  it('keeps its transactions short: a slow batch is committed in parts and read on, in order', async () => {
    const producer = `p${randomBytes(4).toString('hex')}`;
    const consumerSchema = `c${randomBytes(4).toString('hex')}`;
    const store = await prepareTitlesSchemas(dataSource, producer, consumerSchema);
    const seen: { title: string; tx: string }[] = [];
    const consumer = new PostgresEventConsumer({
      name: consumerSchema,
      dataSource,
      schema: consumerSchema,
      maxBatchMs: 100,
      projections: [
        {
          name: `${consumerSchema}.slow`,
          schema: consumerSchema,
          tables: [],
          sources: [{ service: producer, streamTypes: ['item'] }],
          handlers: {
            TitleSet: async (event, { sql }) => {
              await new Promise((resolve) => setTimeout(resolve, 25));
              const [{ tx }] = (await sql.query<{ tx: string }>('SELECT txid_current()::text AS tx')).rows;
              seen.push({ title: event.data.title as string, tx });
            },
          },
        },
      ],
    });
    const stream = `item-${randomUUID()}`;
    await store.append(
      stream,
      Array.from({ length: 20 }, (_, i) => ({ type: 'TitleSet', data: { title: `t${i}` } })),
    );
    await consumer.start();
    await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0));
    await consumer.stop();
    expect(seen.map((s) => s.title)).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`));
    expect(new Set(seen.map((s) => s.tx)).size).toBeGreaterThanOrEqual(3);
  });

  it('compares exactly while writes flow (at the live watermark), and names the first differing row', async () => {
    const { producer, consumerSchema, store, projection, consumer } = await setup();
    const streams = Array.from({ length: 20 }, () => `item-${randomUUID()}`);
    await writeTitles(store, { streams, count: 2_000, perAppend: 20 });
    await consumer.start();
    try {
      const source = { kind: 'event-store' as const, sourceSchemas: { [producer]: producer } };
      await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0), 30_000, 'the first events');
      // Writes keep flowing while the replays run: each comparison is made at one position.
      const writing = writeTitles(store, { streams, count: 3_000, perAppend: 5, prefix: 'live' });
      const during = await replayProjection({ projection, dataSource, source });
      await writing;
      expect(during).toMatchObject({ equal: true, firstDifference: null });
      expect(during.watermarkStreams).toBe(20);
      await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0), 30_000, 'live read model');
      await dataSourceExecutor(dataSource).query(
        `UPDATE ${consumerSchema}.titles SET title = 'tampered' WHERE stream_id = $1`,
        [streams[3]],
      );
      const tampered = await replayProjection({ projection, dataSource, source });
      expect(tampered.equal).toBe(false);
      expect(tampered.firstDifference).toContain(streams[3]);
      expect(tampered.firstDifference).toContain('tampered');
    } finally {
      await consumer.stop();
    }
  }, 120_000);

  it('replays the read model from the event store with a checksum equal to the live one (10k events)', async () => {
    const { producer, consumerSchema, store, projection, consumer } = await setup();
    const streams = Array.from({ length: 50 }, () => `item-${randomUUID()}`);
    await writeTitles(store, { streams, count: 10_000, perAppend: 50 });
    await consumer.start();
    await waitFor(async () => (await consumer.lag()).every((l) => l.lag === 0), 30_000, 'live read model');
    await consumer.stop();
    const report = await replayProjection({
      projection,
      dataSource,
      source: { kind: 'event-store', sourceSchemas: { [producer]: producer } },
    });
    expect(report).toMatchObject({ events: 10_000, rows: 50, equal: true });
    expect(report.checksumReplayed).toBe(report.checksumLive);
    // A drifted live row is detected.
    await dataSourceExecutor(dataSource).query(
      `UPDATE ${consumerSchema}.titles SET title = 'tampered' WHERE stream_id = $1`,
      [streams[0]],
    );
    expect((await replayProjection({ projection, dataSource, source: { kind: 'event-store' } })).equal).toBe(
      false,
    );
  }, 120_000);
});
