import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { eventStoreMigrations } from '../event-store/event-store.migrations';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { runMigrations } from '../persistence/migrator';
import { inTransaction } from '../persistence/sql-executor';
import { CommandHandler } from './command-handler';
import { FoldedStateCache } from './folded-state-cache';

type Added = { type: 'Added'; data: { n: number } };

/** The folded sums of a stream of `Added` events, against a real store. */
describe('FoldedStateCache', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('folded_state');
    dataSource = await db.dataSource();
    await runMigrations(dataSource, 'folded', eventStoreMigrations);
    store = new PostgresEventStore(dataSource, 'folded');
  });
  afterAll(() => db.drop());

  const cache = () =>
    new FoldedStateCache<number[], Added>(store, {
      initialState: () => [],
      // Non-mutating, as deciders' evolve is.
      evolve: (state, event) => [...state, event.data.n],
      minEvents: 2,
    });
  const add = (stream: string, ...ns: number[]) =>
    store.append(
      stream,
      ns.map((n) => ({ type: 'Added', data: { n } })),
    );

  it('folds once, then reads only the events after the cached version', async () => {
    const stream = `sum-${randomUUID()}`;
    await add(stream, 1, 2, 3);
    const states = cache();
    expect(await states.load(stream)).toEqual({ state: [1, 2, 3], version: 3 });
    await add(stream, 4);
    const read = jest.spyOn(store, 'readStream');
    expect(await states.load(stream)).toEqual({ state: [1, 2, 3, 4], version: 4 });
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0][1]).toMatchObject({ fromVersion: 3 });
    read.mockRestore();
  });

  it('starts over when the version it folded to was rolled back and written again by someone else', async () => {
    const stream = `sum-${randomUUID()}`;
    await add(stream, 1, 2);
    const states = cache();
    await expect(
      inTransaction(dataSource, async (sql) => {
        await store.append(stream, [{ type: 'Added', data: { n: 99 } }], { sql });
        // Reads its own uncommitted event: the cache now holds version 3 = 99.
        expect(await states.load(stream, sql)).toEqual({ state: [1, 2, 99], version: 3 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await states.load(stream)).toEqual({ state: [1, 2], version: 2 });
    await add(stream, 3);
    expect(await states.load(stream)).toEqual({ state: [1, 2, 3], version: 3 });
  });

  it('is shared by every command handler of one store and decider: a stream is folded once', async () => {
    const decider = {
      initialState: (): number[] => [],
      evolve: (state: number[], event: Added) => [...state, event.data.n],
      decide: () => [] as Added[],
    };
    const stream = `sum-${randomUUID()}`;
    // Long enough to be kept (streams under 20 events are folded anew).
    const ns = Array.from({ length: 25 }, (_, i) => i);
    await add(stream, ...ns);
    const first = new CommandHandler(store, decider);
    const second = new CommandHandler(store, decider);
    expect(await first.load(stream)).toEqual({ state: ns, version: 25 });
    const read = jest.spyOn(store, 'readStream');
    expect(await second.load(stream)).toEqual({ state: ns, version: 25 });
    expect(read.mock.calls[0][1]).toMatchObject({ fromVersion: 25 });
    read.mockRestore();
  });

  it('forgets the least recently read streams beyond its bound, and still answers them', async () => {
    const states = new FoldedStateCache<number[], Added>(store, {
      initialState: () => [],
      evolve: (state, event) => [...state, event.data.n],
      minEvents: 1,
      maxStreams: 2,
    });
    const streams = [`sum-${randomUUID()}`, `sum-${randomUUID()}`, `sum-${randomUUID()}`];
    for (const [i, stream] of streams.entries()) {
      await add(stream, i);
      await states.load(stream);
    }
    const read = jest.spyOn(store, 'readStream');
    expect(await states.load(streams[0])).toEqual({ state: [0], version: 1 });
    expect(read.mock.calls[0][1]).not.toHaveProperty('fromVersion');
    read.mockRestore();
  });
});
