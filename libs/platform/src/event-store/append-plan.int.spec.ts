import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { runMigrations } from '../persistence/migrator';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store';

const SCHEMA = 'append_plan_spec';
const WRITERS = 8;

/** Every connection of the pool flushes its statistics (each one runs one of these at once). */
async function flushPoolStatistics(pool: Pool): Promise<void> {
  await Promise.all(
    Array.from({ length: pool.totalCount }, () =>
      pool.query('SELECT pg_stat_force_next_flush(), pg_sleep(0.2)'),
    ),
  );
}

/**
 * Appends are prepared statements, planned per connection while a young store is small. The
 * duplicate-id guard (`event_id = ANY($ids)`) was planned as a sequential scan then and kept it as
 * the store grew, so every append read every stored event (at 1,000 appends a second the bus
 * bench's writer fell seconds behind). This plays a young store growing under concurrent writers
 * on the store's own pool (where its statements are prepared), and counts the rows they scanned.
 */
describe('PostgresEventStore appends on a growing store', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('append_plan');
    dataSource = await db.dataSource();
    await runMigrations(dataSource, SCHEMA, eventStoreMigrations);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('never scans the stored events to check new event ids', async () => {
    const store = new PostgresEventStore(dataSource, SCHEMA);
    const streams = Array.from({ length: 64 }, () => `item-${randomUUID()}`);
    const appends = 2_000;
    let next = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < appends) {
          const n = next++;
          await store.append(streams[n % streams.length], [{ type: 'Numbered', data: { n } }]);
        }
      }),
    );
    // A retried append (same event id) is still recognised as stored.
    const retried = streams[(appends - 1) % streams.length];
    const [last] = await store.readStream(retried, { direction: 'backward', limit: 1 });
    const again = await store.append(retried, [{ type: 'Numbered', data: last.data, eventId: last.eventId }]);
    expect(again).toEqual({ nextExpectedVersion: last.version, alreadyStored: true });

    await flushPoolStatistics((dataSource.driver as unknown as { master: Pool }).master);
    const [stats] = await dataSource.query<{ rows: number }[]>(
      `SELECT seq_tup_read::int AS rows FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'events'`,
      [SCHEMA],
    );
    // The old guard read about appends² / 2 rows here (~1,000,000 in a run of this test).
    expect(stats.rows).toBeLessThan(appends);
  });
});
