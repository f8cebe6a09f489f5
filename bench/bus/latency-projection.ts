import type { DataSource } from 'typeorm';
import type { BusEvent } from '@app/platform/bus/bus-event';
import type { Projection } from '@app/platform/bus/projection';
import { prepareTitlesSchemas } from '@app/testing/bus/titles.projection';
import type { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { quoteIdent } from '@app/platform/persistence/sql-executor';

/** The channel the latency projection notifies on, once per applied probe, at its commit. */
export const ARRIVALS_CHANNEL = 'bench_bus_arrivals';

export const PROBE_EVENT_TYPE = 'ProbeSent';

/** What a probe event carries: its sequence number and its scheduled send time (epoch ms). */
export interface ProbeData {
  readonly seq: number;
  readonly sentMs: number;
}

/**
 * The read model of the latency phase: one `arrivals` row per probe event. Its handler inserts
 * the row and, in the same statement, `pg_notify`s `"<seq> <sentMs>"`. PostgreSQL delivers a
 * notification only when the transaction that raised it commits, so the observer hears of a probe
 * exactly when the read-model row became visible to other sessions.
 */
export function latencyProjection(options: { consumerSchema: string; producer: string }): Projection {
  return {
    name: `${options.consumerSchema}.arrivals`,
    schema: options.consumerSchema,
    tables: ['arrivals'],
    sources: [{ service: options.producer, streamTypes: ['item'] }],
    handlers: {
      [PROBE_EVENT_TYPE]: async (event, { sql, table }) => {
        const { seq, sentMs } = probeDataOf(event);
        await sql.query(
          `WITH arrived AS (
             INSERT INTO ${table('arrivals')} (seq, stream_id, version, sent_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT (seq) DO NOTHING
             RETURNING seq)
           SELECT pg_notify($5, $6) FROM arrived`,
          [seq, event.streamId, event.version, sentMs, ARRIVALS_CHANNEL, `${seq} ${sentMs}`],
        );
      },
    },
  };
}

/** The producer's event store and the consumer's schema (bus tables, `titles`, `arrivals`). */
export async function prepareLatencySchemas(
  dataSource: DataSource,
  producerSchema: string,
  consumerSchema: string,
): Promise<PostgresEventStore> {
  const store = await prepareTitlesSchemas(dataSource, producerSchema, consumerSchema);
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(consumerSchema)}.arrivals (
       seq bigint PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL, sent_ms double precision NOT NULL)`,
  );
  return store;
}

function probeDataOf(event: BusEvent): ProbeData {
  const { seq, sentMs } = event.data;
  if (typeof seq !== 'number' || typeof sentMs !== 'number')
    throw new Error(`event ${event.eventId} is not a probe: ${JSON.stringify(event.data)}`);
  return { seq, sentMs };
}
