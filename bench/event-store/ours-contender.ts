import { DataSource } from 'typeorm';
import type { GlobalCheckpoint } from '@app/domain/events/event-envelope';
import { START_OF_ALL } from '@app/domain/events/event-envelope';
import { eventStoreMigrations } from '@app/platform/event-store/event-store.migrations';
import { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { runMigrations } from '@app/platform/persistence/migrator';
import { countRows } from './admin-sql';
import type { Contender, LogReader } from './contender';

const SCHEMA = 'bench_ours';

/** Our `PostgresEventStore` on one TypeORM DataSource, as a service runs it. */
export async function createOursContender(url: string, poolSize: number): Promise<Contender> {
  const dataSource = new DataSource({ type: 'postgres', url, synchronize: false, extra: { max: poolSize } });
  await dataSource.initialize();
  await runMigrations(dataSource, SCHEMA, eventStoreMigrations);
  const store = new PostgresEventStore(dataSource, SCHEMA);
  return {
    name: 'ours',
    tables: [`${SCHEMA}.events`, `${SCHEMA}.streams`],
    async append(streamId, expectedVersion, events) {
      await store.append(streamId, events, {
        expectedVersion: expectedVersion === 0 ? 'no_stream' : expectedVersion,
      });
    },
    reader(pageSize): LogReader {
      let checkpoint: GlobalCheckpoint = START_OF_ALL;
      return {
        async readPage() {
          const page = await store.readAll(checkpoint, pageSize);
          checkpoint = page.events.length < pageSize ? START_OF_ALL : page.checkpoint;
          return page.events.length;
        },
      };
    },
    countEvents: () => countRows(url, `${SCHEMA}.events`),
    close: () => dataSource.destroy(),
  };
}
