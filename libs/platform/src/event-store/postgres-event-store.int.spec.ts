import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { runMigrations } from '../persistence/migrator';
import { inTransaction, queryRunnerExecutor } from '../persistence/sql-executor';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { ConcurrencyError } from '@app/domain';
import { START_OF_ALL } from '@app/domain';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store';
import { UpcasterRegistry } from '@app/domain';

const SCHEMA = 'store_spec';

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('event_store');
    dataSource = await db.dataSource();
    await runMigrations(dataSource, SCHEMA, eventStoreMigrations);
    store = new PostgresEventStore(dataSource, SCHEMA);
  });

  afterAll(async () => {
    await db.drop();
  });

  const stream = () => `story-${randomUUID()}`;
  const event = (n: number, eventId?: string) => ({ type: 'Numbered', data: { n }, eventId });

  describe('append and readStream', () => {
    it('appends in order and reads forward, backward and by range', async () => {
      const id = stream();
      const first = await store.append(id, [event(1), event(2)], {
        expectedVersion: 'no_stream',
        metadata: { projectId: 'p1', actor: 'alice' },
      });
      expect(first).toEqual({ nextExpectedVersion: 2, alreadyStored: false });
      const second = await store.append(id, [event(3)], { expectedVersion: 2 });
      expect(second.nextExpectedVersion).toBe(3);

      const all = await store.readStream(id);
      expect(all.map((e) => [e.version, e.data.n])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
      expect(all[0]).toMatchObject({
        streamId: id,
        streamType: 'story',
        type: 'Numbered',
        schemaVersion: 1,
        metadata: { projectId: 'p1', actor: 'alice' },
      });
      expect(new Date(all[0].recordedAt).toISOString()).toBe(all[0].recordedAt);

      const backward = await store.readStream(id, { direction: 'backward', limit: 2 });
      expect(backward.map((e) => e.version)).toEqual([3, 2]);
      const range = await store.readStream(id, { fromVersion: 2, toVersion: 2 });
      expect(range.map((e) => e.version)).toEqual([2]);
      expect(await store.streamVersion(id)).toBe(3);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('honours no_stream, stream_exists, any and exact versions', async () => {
      const id = stream();
      await expect(store.append(id, [event(1)], { expectedVersion: 'stream_exists' })).rejects.toMatchObject({
        currentVersion: 0,
      });
      await expect(store.append(id, [event(1)], { expectedVersion: 3 })).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      await store.append(id, [event(1)], { expectedVersion: 'no_stream' });
      await expect(store.append(id, [event(2)], { expectedVersion: 'no_stream' })).rejects.toMatchObject({
        code: 'CONFLICT',
        currentVersion: 1,
      });
      expect(
        (await store.append(id, [event(2)], { expectedVersion: 'stream_exists' })).nextExpectedVersion,
      ).toBe(2);
      expect((await store.append(id, [event(3)], { expectedVersion: 'any' })).nextExpectedVersion).toBe(3);
      expect((await store.append(stream(), [event(1)], { expectedVersion: 'any' })).nextExpectedVersion).toBe(
        1,
      );
      expect((await store.append(stream(), [event(1)], { expectedVersion: 0 })).nextExpectedVersion).toBe(1);
      await expect(store.append(id, [event(4)], { expectedVersion: 2 })).rejects.toMatchObject({
        currentVersion: 3,
      });
      expect((await store.readStream(id)).map((e) => e.data.n)).toEqual([1, 2, 3]);
    });

    it('lets exactly one of two writers with the same expected version win', async () => {
      for (let round = 0; round < 10; round++) {
        const id = stream();
        await store.append(id, [event(0)]);
        const results = await Promise.allSettled([
          store.append(id, [event(1)], { expectedVersion: 1 }),
          store.append(id, [event(2)], { expectedVersion: 1 }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(ConcurrencyError);
        expect((lost[0].reason as ConcurrencyError).currentVersion).toBe(2);
        expect(await store.readStream(id)).toHaveLength(2);
      }
    });

    it('lets exactly one of two creators of the same stream win (no_stream)', async () => {
      const id = stream();
      const results = await Promise.allSettled([
        store.append(id, [event(1)], { expectedVersion: 'no_stream' }),
        store.append(id, [event(2)], { expectedVersion: 'no_stream' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('treats a retry with the same event ids at the same positions as success, without writing twice', async () => {
      const id = stream();
      const ids = [randomUUID(), randomUUID()];
      const batch = [event(1, ids[0]), event(2, ids[1])];
      expect(await store.append(id, batch, { expectedVersion: 'no_stream' })).toEqual({
        nextExpectedVersion: 2,
        alreadyStored: false,
      });
      expect(await store.append(id, batch, { expectedVersion: 'no_stream' })).toEqual({
        nextExpectedVersion: 2,
        alreadyStored: true,
      });
      await store.append(id, [event(3)], { expectedVersion: 2 });
      // A retry arriving after later appends still succeeds (it names the position it was meant for).
      expect(await store.append(id, batch, { expectedVersion: 0 })).toEqual({
        nextExpectedVersion: 2,
        alreadyStored: true,
      });
      expect(await store.append(id, batch, { expectedVersion: 'any' })).toEqual({
        nextExpectedVersion: 2,
        alreadyStored: true,
      });
      expect(await store.readStream(id)).toHaveLength(3);

      // A different event at a taken position is a conflict, and so is a known id at another position.
      await expect(store.append(id, [event(9)], { expectedVersion: 2 })).rejects.toMatchObject({
        currentVersion: 3,
      });
      await expect(store.append(id, [event(2, ids[1])], { expectedVersion: 3 })).rejects.toMatchObject({
        reason: 'event_id_taken',
      });
      expect(await store.readStream(id)).toHaveLength(3);
    });

    it('appends inside the caller transaction and rolls back with it', async () => {
      const id = stream();
      await expect(
        inTransaction(dataSource, async (sql) => {
          await store.append(id, [event(1)], { sql });
          expect(await store.streamVersion(id, sql)).toBe(1);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await store.streamVersion(id)).toBe(0);
      expect(await store.readStream(id)).toEqual([]);
    });

    it('refuses to commit a later stream version under an older transaction id', async () => {
      const id = stream();
      await store.append(id, [event(1)]);
      const older = dataSource.createQueryRunner();
      await older.connect();
      try {
        await older.startTransaction();
        await older.query('SELECT pg_current_xact_id()'); // takes its transaction id now
        await store.append(id, [event(2)]); // a younger transaction appends and commits first
        const sql = queryRunnerExecutor(older);
        await expect(store.append(id, [event(3)], { sql })).rejects.toMatchObject({ reason: 'stream_order' });
        await older.rollbackTransaction();
      } finally {
        await older.release();
      }
      // A fresh transaction can append.
      expect((await store.append(id, [event(3)], { expectedVersion: 2 })).nextExpectedVersion).toBe(3);
    });
  });

  describe('append-only storage', () => {
    it('rejects UPDATE, DELETE and TRUNCATE of events', async () => {
      await store.append(stream(), [event(1)]);
      await expect(dataSource.query(`UPDATE ${SCHEMA}.events SET data = '{}'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(dataSource.query(`DELETE FROM ${SCHEMA}.events`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`TRUNCATE ${SCHEMA}.events`)).rejects.toThrow(/append-only/);
    });

    it('runs its migrations idempotently', async () => {
      const report = await runMigrations(dataSource, SCHEMA, eventStoreMigrations);
      expect(report.applied).toEqual([]);
      expect(report.alreadyApplied).toBe(eventStoreMigrations.length);
    });
  });

  describe('upcasters', () => {
    it('upgrades old event shapes on read without touching the stored row', async () => {
      const upcasters = new UpcasterRegistry().register(
        { eventType: 'Renamed', fromSchemaVersion: 1, upcast: (data) => ({ title: data.name ?? null }) },
        { eventType: 'Renamed', fromSchemaVersion: 2, upcast: (data) => ({ ...data, reason: 'unknown' }) },
      );
      const upcasting = new PostgresEventStore(dataSource, SCHEMA, { upcasters });
      const id = stream();
      await upcasting.append(id, [
        { type: 'Renamed', data: { name: 'old' } },
        { type: 'Renamed', schemaVersion: 3, data: { title: 'new', reason: 'typo' } },
      ]);
      const read = await upcasting.readStream(id);
      expect(read.map((e) => [e.schemaVersion, e.data])).toEqual([
        [3, { title: 'old', reason: 'unknown' }],
        [3, { title: 'new', reason: 'typo' }],
      ]);
      const raw = await store.readStream(id);
      expect(raw[0]).toMatchObject({ schemaVersion: 1, data: { name: 'old' } });
    });
  });

  describe('readAll (gap-safe global order)', () => {
    it('does not pass a slower transaction that took its id first, then delivers its event', async () => {
      const { checkpoint: start } = await drain(store);
      const slow = dataSource.createQueryRunner();
      await slow.connect();
      try {
        await slow.startTransaction();
        await slow.query('SELECT pg_current_xact_id()'); // transaction A takes its id first
        const fastStream = stream();
        await store.append(fastStream, [event(1)]); // transaction B commits first

        const whileAOpen = await store.readAll(start, 100);
        expect(whileAOpen.events).toEqual([]);
        expect(whileAOpen.checkpoint).toEqual(start);

        const slowStream = stream();
        await store.append(slowStream, [event(2)], { sql: queryRunnerExecutor(slow) });
        expect((await store.readAll(start, 100)).events).toEqual([]);
        await slow.commitTransaction();

        const after = await store.readAll(start, 100);
        expect(after.events.map((e) => e.streamId)).toEqual([slowStream, fastStream]);
      } finally {
        if (slow.isTransactionActive) await slow.rollbackTransaction();
        await slow.release();
      }
    });

    it('pages through every event exactly once', async () => {
      const ids = [stream(), stream(), stream()];
      const { checkpoint: start } = await drain(store);
      for (let i = 0; i < 30; i++) await store.append(ids[i % 3], [event(i)]);
      const seen: number[] = [];
      let checkpoint = start;
      for (;;) {
        const page = await store.readAll(checkpoint, 7);
        if (page.events.length === 0) break;
        seen.push(...page.events.map((e) => e.data.n as number));
        checkpoint = page.checkpoint;
      }
      expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
    });
  });
});

async function drain(store: PostgresEventStore) {
  let checkpoint = START_OF_ALL;
  for (;;) {
    const page = await store.readAll(checkpoint, 10_000);
    if (page.events.length === 0) return { checkpoint };
    checkpoint = page.checkpoint;
  }
}
