import type { ExpectedVersion } from '@app/domain';
import { quoteIdent } from '../persistence/sql-executor';

const EVENT_COLUMNS =
  'global_position, transaction_id, stream_id, stream_type, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at, published';

type AppendKind = 'create' | 'any' | 'stream_exists' | 'exact';

/**
 * The SQL of one service's event store, in its own schema: every statement has a fixed text per
 * schema (the pool keeps it prepared); the append has one text per kind of expected version.
 */
export class EventStoreStatements {
  readonly readStreamForward: string;
  readonly readStreamBackward: string;
  /** Gap-safe: only events of transactions below the oldest one still running, in (transaction, position) order. */
  readonly readAll: string;
  readonly readAt: string;
  readonly streamVersion: string;
  /** Why an append was refused: the stream's version and which of the new ids are stored already, where. */
  readonly diagnose: string;
  private readonly events: string;
  private readonly streams: string;
  private readonly appends = new Map<AppendKind, string>();

  constructor(schema: string) {
    const s = quoteIdent(schema);
    this.events = `${s}.events`;
    this.streams = `${s}.streams`;
    const readStream = (order: 'ASC' | 'DESC') => `SELECT ${EVENT_COLUMNS} FROM ${this.events}
        WHERE stream_id = $1 AND stream_position >= $2 AND stream_position <= $3
        ORDER BY stream_position ${order}
        LIMIT $4`;
    this.readStreamForward = readStream('ASC');
    this.readStreamBackward = readStream('DESC');
    this.readAll = `SELECT ${EVENT_COLUMNS} FROM ${this.events}
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position
        LIMIT $3`;
    this.readAt = `SELECT ${EVENT_COLUMNS} FROM ${this.events}
        WHERE (stream_id, stream_position) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))`;
    this.streamVersion = `SELECT version FROM ${this.streams} WHERE stream_id = $1`;
    this.diagnose = `SELECT (SELECT version FROM ${this.streams} WHERE stream_id = $1) AS version,
              (SELECT json_agg(found) FROM (
                 SELECT (SELECT json_build_object('id', event_id, 'stream', stream_id, 'position', stream_position)
                           FROM ${this.events} WHERE event_id = asked.id) AS found
                   FROM unnest($2::uuid[]) AS asked(id)) AS probes
                WHERE found IS NOT NULL) AS stored`;
  }

  /** The one-statement append for this expected version (built once per kind). */
  append(expected: ExpectedVersion): string {
    const kind: AppendKind =
      expected === 'no_stream' || expected === 0
        ? 'create'
        : expected === 'any' || expected === 'stream_exists'
          ? expected
          : 'exact';
    let statement = this.appends.get(kind);
    if (statement === undefined) {
      statement = this.buildAppend(kind);
      this.appends.set(kind, statement);
    }
    return statement;
  }

  private buildAppend(kind: AppendKind): string {
    // $1 stream id, $2 stream type, $3 event count, $4 project id, $5..$10 event columns, $11 expected version.
    // One index probe per new event id. Not `event_id = ANY($5)`: planned (and cached, these are
    // prepared) while the table was small, that became a sequential scan kept as the table grew,
    // so every append read the whole store until autovacuum replanned it.
    const guard = `${this.streams}.last_transaction_id <= pg_current_xact_id()
        AND NOT EXISTS (SELECT 1 FROM unnest($5::uuid[]) AS new_event(id)
                         WHERE (SELECT true FROM ${this.events} WHERE event_id = new_event.id))`;
    const moveStream =
      kind === 'create'
        ? `INSERT INTO ${this.streams} (stream_id, stream_type, version, last_transaction_id, project_id)
             VALUES ($1::text, $2::text, $3::bigint, pg_current_xact_id(), $4::text)
             ON CONFLICT (stream_id) DO NOTHING
             RETURNING version`
        : kind === 'any'
          ? `INSERT INTO ${this.streams} (stream_id, stream_type, version, last_transaction_id, project_id)
               VALUES ($1::text, $2::text, $3::bigint, pg_current_xact_id(), $4::text)
               ON CONFLICT (stream_id) DO UPDATE
                 SET version = ${this.streams}.version + $3, last_transaction_id = pg_current_xact_id(), updated_at = now()
                 WHERE ${guard}
               RETURNING version`
          : `UPDATE ${this.streams}
                SET version = version + $3::bigint, last_transaction_id = pg_current_xact_id(), updated_at = now(),
                    project_id = coalesce(project_id, $4::text)
              WHERE stream_id = $1 ${kind === 'stream_exists' ? '' : 'AND version = $11::bigint'} AND ${guard}
              RETURNING version`;
    return `WITH moved AS (${moveStream})
      INSERT INTO ${this.events}
        (transaction_id, stream_id, stream_type, stream_position, event_id, event_type, schema_version, data, metadata, published)
      SELECT pg_current_xact_id(), $1, $2, moved.version - $3 + e.n, e.event_id, e.event_type, e.schema_version, e.data, e.metadata, e.published
        FROM moved,
             unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::jsonb[])
               WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, published, n)
      RETURNING (SELECT version FROM moved) AS version`;
  }
}
