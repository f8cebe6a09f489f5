import type { Projection } from '@app/platform/bus/projection';

/**
 * The replay bench's read model: one row per event (what an audit log or a timeline keeps), written
 * a batch at a time with one multi-row statement, so that the replay's cost is the bus's, not a
 * handler's.
 */
export function eventLogProjection(consumerSchema: string, producer: string): Projection {
  return {
    name: `${consumerSchema}.event_log`,
    schema: consumerSchema,
    tables: ['event_log'],
    sources: [{ service: producer, streamTypes: ['item'] }],
    handlers: {},
    handleRun: async (events, { sql, table }) => {
      await sql.query(
        `INSERT INTO ${table('event_log')} (event_id, stream_id, version, type, data)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::jsonb[])`,
        [
          events.map((e) => e.eventId),
          events.map((e) => e.streamId),
          events.map((e) => e.version),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
        ],
      );
    },
  };
}

export const EVENT_LOG_TABLE = `(event_id uuid PRIMARY KEY, stream_id text NOT NULL, version int NOT NULL,
  type text NOT NULL, data jsonb NOT NULL)`;
