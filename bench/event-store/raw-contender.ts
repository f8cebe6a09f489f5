import { Pool } from 'pg';
import { countRows } from './admin-sql';
import type { Contender, LogReader } from './contender';

const TABLE = 'bench_raw.events';

/**
 * The floor: plain INSERTs into a table with only a primary key, on a `pg` Pool. No versions, no
 * stream table, no checks. A batch is one multi-row INSERT; a read is a page by primary key.
 */
export async function createRawContender(url: string, poolSize: number): Promise<Contender> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS bench_raw`);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       stream_id text NOT NULL,
       event_type text NOT NULL,
       data jsonb NOT NULL,
       metadata jsonb NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now())`,
  );
  return {
    name: 'raw',
    tables: [TABLE],
    async append(streamId, _expectedVersion, events) {
      const params: string[] = [];
      const rows = events.map((event) => {
        const at = params.length;
        params.push(streamId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4})`;
      });
      await pool.query(
        `INSERT INTO ${TABLE} (stream_id, event_type, data, metadata) VALUES ${rows.join(', ')}`,
        params,
      );
    },
    reader(pageSize): LogReader {
      let after = '0';
      return {
        async readPage() {
          const { rows } = await pool.query<{ id: string }>(
            `SELECT id, stream_id, event_type, data, metadata, recorded_at FROM ${TABLE}
              WHERE id > $1 ORDER BY id LIMIT $2`,
            [after, pageSize],
          );
          after = rows.length < pageSize ? '0' : rows[rows.length - 1].id;
          return rows.length;
        },
      };
    },
    countEvents: () => countRows(url, TABLE),
    close: () => pool.end(),
  };
}
