import { countRows } from './admin-sql';
import type { Contender, LogReader } from './contender';

/**
 * `@event-driven-io/emmett-postgresql` through its public API: `getPostgreSQLEventStore(url)` and
 * `appendToStream` with the exact expected stream version (0n for a new stream).
 *
 * Emmett has no "read all" on the event store object. Its consumers read the global log with the
 * exported `readMessagesBatch(execute, { after, batchSize })`, on the executor of a `dumbo` pool;
 * we call that function directly, so no checkpoint write or polling delay of a consumer is timed.
 * dumbo caches pools by connection string, so the reader shares the store's own `pg` pool.
 */
export async function createEmmettContender(url: string): Promise<Contender> {
  const { getPostgreSQLEventStore, readMessagesBatch } = await import('@event-driven-io/emmett-postgresql');
  const { dumbo } = await import('@event-driven-io/dumbo');
  const store = getPostgreSQLEventStore(url);
  await store.schema.migrate();
  const pool = dumbo({ connectionString: url });
  return {
    name: 'emmett',
    tables: ['emt_messages', 'emt_streams'],
    async append(streamId, expectedVersion, events) {
      await store.appendToStream(streamId, [...events], { expectedStreamVersion: BigInt(expectedVersion) });
    },
    reader(pageSize): LogReader {
      let after = 0n;
      return {
        async readPage() {
          const page = await readMessagesBatch(pool.execute, { after, batchSize: pageSize });
          after = page.areMessagesLeft ? page.currentGlobalPosition : 0n;
          return page.messages.length;
        },
      };
    },
    countEvents: () => countRows(url, 'emt_messages'),
    async close() {
      await pool.close();
      await store.close();
    },
  };
}
