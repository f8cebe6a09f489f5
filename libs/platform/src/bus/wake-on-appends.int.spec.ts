import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { waitFor } from '@app/testing/wait-for';
import { prepareTitlesSchemas, readTitles, titlesProjection } from '@app/testing/bus/titles.projection';
import { EVENTS_APPENDED_CHANNEL } from '../event-store/append-announcer';
import { PgListener } from '../persistence/pg-listener';
import { PostgresEventConsumer } from './postgres/postgres-event-consumer';
import { wakeOnAppends } from './wake-on-appends';

/** The consumers here poll once a minute: only a notification can bring an event within the test. */
describe('appends wake readers in other processes (NOTIFY)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('wake_appends');
    dataSource = await db.dataSource();
  });
  afterAll(async () => {
    await db.drop();
  });

  async function setup() {
    const producer = `p${randomBytes(4).toString('hex')}`;
    const consumerSchema = `c${randomBytes(4).toString('hex')}`;
    const store = await prepareTitlesSchemas(dataSource, producer, consumerSchema);
    const consumer = new PostgresEventConsumer({
      name: consumerSchema,
      dataSource,
      schema: consumerSchema,
      projections: [titlesProjection({ consumerSchema, producer })],
      pollIntervalMs: 60_000,
    });
    const titles = async () => (await readTitles(dataSource, consumerSchema)).map((row) => row.title).sort();
    return { producer, consumerSchema, store, consumer, titles };
  }

  /** The backend of the connection that LISTENs on the appends channel. */
  const listenerPids = async () =>
    (
      await dataSource.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()`,
        [`LISTEN "${EVENTS_APPENDED_CHANNEL}"`],
      )
    ).map((row) => row.pid);

  it('an append reaches a consumer that would otherwise sleep until its next poll', async () => {
    const { store, consumer, titles } = await setup();
    // Its first poll reads this event; from then on it sleeps for a minute. (Waiting for that
    // first look, rather than for a fixed time, keeps a slow machine from racing the append below.)
    await store.append(`item-${randomUUID()}`, [{ type: 'TitleSet', data: { title: 'a first look' } }]);
    await consumer.start();
    await waitFor(async () => (await titles()).length === 1, 10_000, 'the first poll');
    const stream = `item-${randomUUID()}`;
    try {
      await store.append(stream, [{ type: 'TitleSet', data: { title: 'unseen' } }]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await titles()).toEqual(['a first look']); // polling alone: not for another minute

      const listener = await wakeOnAppends({ dataSource, ownSchema: 'elsewhere', consumer });
      try {
        await waitFor(async () => (await titles()).length === 2, 5_000, 'the look once listening');
        await store.append(stream, [{ type: 'TitleSet', data: { title: 'notified' } }]);
        await waitFor(async () => (await titles()).includes('notified'), 5_000, 'the notified append');
      } finally {
        listener?.stop();
      }
    } finally {
      await consumer.stop();
    }
  });

  it('listens again after its connection is killed, and looks for what it missed meanwhile', async () => {
    const { store, consumer, titles } = await setup();
    await consumer.start();
    const before = new Set(await listenerPids());
    const listener = await wakeOnAppends({ dataSource, ownSchema: 'elsewhere', consumer });
    const stream = `item-${randomUUID()}`;
    try {
      const [pid] = (await listenerPids()).filter((p) => !before.has(p));
      expect(pid).toBeDefined();
      await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
      // The backend ends a moment after the call returns: wait until the listener saw it go.
      await waitFor(() => listener?.listening === false, 5_000, 'the listener to lose its connection');
      await store.append(stream, [{ type: 'TitleSet', data: { title: 'while down' } }]);
      await waitFor(async () => (await titles())[0] === 'while down', 10_000, 'the event sent while down');
      expect(listener?.listening).toBe(true); // it was read because the listener came back and looked
      await store.append(stream, [{ type: 'TitleSet', data: { title: 'after' } }]);
      await waitFor(async () => (await titles())[0] === 'after', 5_000, 'a notification after reconnecting');
    } finally {
      listener?.stop();
      await consumer.stop();
    }
  });

  it('announces a burst of appends with fewer notifications than appends, each naming the store', async () => {
    const { producer, store } = await setup();
    const heard: string[] = [];
    const listener = new PgListener(dataSource, {
      channels: [EVENTS_APPENDED_CHANNEL],
      onNotification: (_channel, schema) => heard.push(schema),
    });
    await listener.start();
    try {
      await Promise.all(
        Array.from({ length: 40 }, () =>
          store.append(`item-${randomUUID()}`, [{ type: 'TitleSet', data: { title: 'x' } }]),
        ),
      );
      await waitFor(async () => heard.includes(producer), 5_000, 'the announcement');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const mine = heard.filter((schema) => schema === producer);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThan(40);
    } finally {
      listener.stop();
    }
  });
});
