import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../event-store/event-store.migrations';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { runMigrations } from '../persistence/migrator';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { waitFor } from '@app/testing/wait-for';
import { CheckpointStore } from './checkpoint-store';
import { SubscriptionRunner } from './subscription-runner';

const SCHEMA = 'subs_spec';

describe('SubscriptionRunner', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const runners: SubscriptionRunner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('subscriptions');
    dataSource = await db.dataSource();
    await runMigrations(dataSource, SCHEMA, eventStoreMigrations);
    await dataSource.query(
      `CREATE TABLE ${SCHEMA}.applied (subscription text NOT NULL, event_id uuid NOT NULL, applied_by text NOT NULL)`,
    );
    store = new PostgresEventStore(dataSource, SCHEMA);
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  afterAll(async () => {
    await db.drop();
  });

  function runner(name: string, instance: string, handle?: SubscriptionRunner['options']['handle']) {
    const created = new SubscriptionRunner({
      name,
      source: store,
      dataSource,
      checkpointSchema: SCHEMA,
      pollIntervalMs: 20,
      standbyRetryMs: 50,
      handle:
        handle ??
        (async (events, { sql }) => {
          for (const event of events) {
            await sql.query(`INSERT INTO ${SCHEMA}.applied VALUES ($1, $2, $3)`, [
              name,
              event.eventId,
              instance,
            ]);
          }
        }),
    });
    runners.push(created);
    return created;
  }

  async function applied(name: string) {
    return dataSource.query<{ event_id: string; applied_by: string }[]>(
      `SELECT event_id, applied_by FROM ${SCHEMA}.applied WHERE subscription = $1`,
      [name],
    );
  }

  it('leaves both the handler writes and the checkpoint unchanged when the handler throws', async () => {
    const name = `failing-${randomUUID()}`;
    const checkpoints = new CheckpointStore(SCHEMA);
    await store.append(`story-${randomUUID()}`, [
      { type: 'A', data: {} },
      { type: 'B', data: {} },
    ]);
    let failuresLeft = 3;
    const errors: unknown[] = [];
    const sub = new SubscriptionRunner({
      name,
      source: store,
      dataSource,
      checkpointSchema: SCHEMA,
      pollIntervalMs: 20,
      onError: (error) => errors.push(error),
      handle: async (events, { sql }) => {
        for (const event of events)
          await sql.query(`INSERT INTO ${SCHEMA}.applied VALUES ($1, $2, 'x')`, [name, event.eventId]);
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          // Between failures nothing of this attempt may be visible, and the checkpoint has not moved.
          const visible = await dataSource.query(
            `SELECT count(*)::int AS n FROM ${SCHEMA}.applied WHERE subscription = $1`,
            [name],
          );
          expect(visible[0].n).toBe(0);
          throw new Error('handler failed');
        }
      },
    });
    runners.push(sub);
    sub.start();
    await waitFor(() => errors.length >= 1);
    const sql = {
      inTransaction: false,
      manager: dataSource.manager,
      query: async (text: string, params?: readonly unknown[]) => ({
        rows: await dataSource.query(text, params as unknown[]),
        rowCount: 0,
      }),
    };
    expect(await checkpoints.load(sql, name)).toEqual({ transactionId: '0', globalPosition: '0' });
    expect(await applied(name)).toHaveLength(0);

    await waitFor(async () => (await applied(name)).length > 0, 10_000);
    expect(errors).toHaveLength(3);
    const rows = await applied(name);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(rows.length);
  });

  it('keeps one active instance; a standby takes over when the active one dies, with nothing applied twice', async () => {
    const name = `pair-${randomUUID()}`;
    const first = runner(name, 'first');
    first.start();
    await waitFor(() => first.isActive);
    const second = runner(name, 'second');
    second.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.isActive).toBe(true);
    expect(second.isActive).toBe(false);

    const streamId = `story-${randomUUID()}`;
    let lastEventId = '';
    for (let i = 0; i < 20; i++) {
      lastEventId = randomUUID();
      await store.append(streamId, [{ type: 'N', data: { i }, eventId: lastEventId }]);
    }
    await waitFor(async () => (await applied(name)).some((r) => r.event_id === lastEventId));

    // Kill the active instance's connection, as a crashed process would lose it.
    await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objid = (hashtextextended($1, 0) & x'ffffffff'::bigint)::oid`,
      [`codemyspec:subscription:${SCHEMA}:${name}`],
    );
    await waitFor(() => second.isActive, 10_000);
    for (let i = 20; i < 40; i++) {
      lastEventId = randomUUID();
      await store.append(streamId, [{ type: 'N', data: { i }, eventId: lastEventId }]);
    }
    await waitFor(async () => (await applied(name)).some((r) => r.event_id === lastEventId), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Every stored event (this file's other tests included) applied exactly once.
    const rows = await applied(name);
    const stored = await dataSource.query<{ event_id: string }[]>(`SELECT event_id FROM ${SCHEMA}.events`);
    expect(rows.map((r) => r.event_id).sort()).toEqual(stored.map((r) => r.event_id).sort());
    expect(rows.some((r) => r.applied_by === 'second')).toBe(true);
  });

  it('lets subscriptions of the same name in different schemas run side by side (services sharing a database)', async () => {
    await runMigrations(dataSource, `${SCHEMA}_other`, eventStoreMigrations);
    const name = `relay-${randomUUID()}`;
    const here = runner(name, 'here');
    const there = new SubscriptionRunner({
      name,
      source: store,
      dataSource,
      checkpointSchema: `${SCHEMA}_other`,
      pollIntervalMs: 20,
      handle: async () => undefined,
    });
    runners.push(there);
    here.start();
    there.start();
    await waitFor(() => here.isActive && there.isActive, 5_000, 'both runners to be active');
  });

  it('hands over on a graceful stop', async () => {
    const name = `graceful-${randomUUID()}`;
    const first = runner(name, 'first');
    const second = runner(name, 'second');
    first.start();
    await waitFor(() => first.isActive);
    second.start();
    await first.stop();
    await waitFor(() => second.isActive, 5_000);
    await store.append(`story-${randomUUID()}`, [{ type: 'N', data: {} }]);
    await waitFor(async () => (await applied(name)).some((r) => r.applied_by === 'second'));
  });

  it('reads again at once when poked while it was busy with a batch (no poll wait in between)', async () => {
    const name = `busy-${randomUUID()}`;
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let batches = 0;
    const busy = new SubscriptionRunner({
      name,
      source: store,
      dataSource,
      checkpointSchema: SCHEMA,
      pollIntervalMs: 60_000, // without the poke, the second event would wait a minute
      handle: async (events, { sql }) => {
        batches += 1;
        if (batches === 1) await firstHeld;
        for (const event of events)
          await sql.query(`INSERT INTO ${SCHEMA}.applied VALUES ($1, $2, 'busy')`, [name, event.eventId]);
      },
    });
    runners.push(busy);
    const [first, second] = [randomUUID(), randomUUID()];
    await store.append(`story-${randomUUID()}`, [{ type: 'First', data: {}, eventId: first }]);
    busy.start();
    await waitFor(() => batches === 1, 5_000, 'the first batch');
    await store.append(`story-${randomUUID()}`, [{ type: 'Second', data: {}, eventId: second }]);
    busy.poke(); // as a local append or a NOTIFY does, while the first batch is still in hand
    releaseFirst();
    await waitFor(
      async () => (await applied(name)).some((row) => row.event_id === second),
      5_000,
      'the event appended while the runner was busy',
    );
  });

  it('backs off while the store is quiet, yet sees an event appended elsewhere within the longest idle wait', async () => {
    const name = `idle-${randomUUID()}`;
    const source = new PostgresEventStore(dataSource, SCHEMA);
    const readAll = source.readAll.bind(source);
    let reads = 0;
    source.readAll = (...args) => {
      reads += 1;
      return readAll(...args);
    };
    const idle = new SubscriptionRunner({
      name,
      source,
      dataSource,
      checkpointSchema: SCHEMA,
      pollIntervalMs: 10,
      maxIdlePollMs: 200,
      handle: async (events, { sql }) => {
        for (const event of events)
          await sql.query(`INSERT INTO ${SCHEMA}.applied VALUES ($1, $2, 'idle')`, [name, event.eventId]);
      },
    });
    runners.push(idle);
    idle.start();
    await waitFor(() => idle.isActive, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = reads;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // A fixed 10 ms poll would read ~100 times a second; backed off, about 5.
    expect(reads - before).toBeLessThanOrEqual(8);

    // Appended through another instance: no poke reaches the runner.
    const eventId = randomUUID();
    const started = Date.now();
    await store.append(`story-${randomUUID()}`, [{ type: 'Quiet', data: {}, eventId }]);
    await waitFor(async () => (await applied(name)).some((row) => row.event_id === eventId), 5_000);
    expect(Date.now() - started).toBeLessThan(600);
  });
});
