import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { QueryOptions, SqlExecutor } from '../persistence/sql-executor';
import { dataSourceExecutor, quoteIdent, sqlStateOf } from '../persistence/sql-executor';
import { AppendAnnouncer } from './append-announcer';
import { ConcurrencyError } from '@app/domain';
import type {
  EventEnvelope,
  GlobalCheckpoint,
  JsonObject,
  NewEvent,
  StoredEvent,
  TypedEvent,
} from '@app/domain';
import { START_OF_ALL, streamTypeOf } from '@app/domain';
import type { ExpectedVersion } from '@app/domain';
import { assertValidExpectedVersion, isExpectedVersionSatisfied } from '@app/domain';
import { publicFormOf, UpcasterRegistry } from '@app/domain';
import type { ServicePublication } from '@app/domain';

export type {
  AppendOptions,
  AppendResult,
  EventStoreOptions,
  ReadAllResult,
  ReadStreamOptions,
} from './event-store.types';
import type {
  AppendOptions,
  AppendResult,
  EventRow,
  EventStoreOptions,
  ReadAllResult,
  ReadStreamOptions,
} from './event-store.types';
import { storableJson } from './storable-json';

const EVENT_COLUMNS =
  'global_position, transaction_id, stream_id, stream_type, stream_position, event_id, event_type, schema_version, data, metadata, recorded_at, published';

/** How many times an autocommit append re-runs when only the stream-order guard refused it. */
const STREAM_ORDER_RETRIES = 5;

/** Every statement of the store has a fixed text per schema, so the pool may keep it prepared. */
const PREPARED: QueryOptions = { prepare: true };

type AppendKind = 'create' | 'any' | 'stream_exists' | 'exact';

/**
 * The event store of one service, in that service's own Postgres schema.
 *
 * An append is one SQL statement: it moves the stream's version (checking the expected version
 * and that no newer transaction appended to the stream already) and inserts the events from
 * `unnest` arrays. So an append outside a transaction costs one round trip, and inside the
 * caller's transaction it commits together with the caller's other writes.
 *
 * `readAll` is gap-safe: it only returns events whose transaction id is below the oldest
 * transaction still running, ordered by (transaction_id, global_position), so it never passes an
 * event that a slower transaction commits later.
 */
export class PostgresEventStore {
  private readonly events: string;
  private readonly streams: string;
  private readonly pool: SqlExecutor;
  /** The SQL texts, built once: the same text each call is what lets the pool reuse prepared statements. */
  private readonly appendStatements = new Map<AppendKind, string>();
  private readonly readStreamForward: string;
  private readonly readStreamBackward: string;
  private readonly readAllStatement: string;
  private readonly streamVersionStatement: string;
  private readonly diagnoseStatement: string;
  private readonly appendListeners = new Set<() => void>();
  private readonly announcer: AppendAnnouncer | undefined;
  private readonly upcasters: UpcasterRegistry;
  private readonly publication: ServicePublication;

  constructor(
    dataSource: DataSource,
    readonly schema: string,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.publication = options.publication ?? {};
    const s = quoteIdent(schema);
    this.events = `${s}.events`;
    this.streams = `${s}.streams`;
    this.pool = dataSourceExecutor(dataSource);
    if (options.announceAppends !== false) this.announcer = new AppendAnnouncer(this.pool, schema);
    const readStream = (order: 'ASC' | 'DESC') => `SELECT ${EVENT_COLUMNS} FROM ${this.events}
        WHERE stream_id = $1 AND stream_position >= $2 AND stream_position <= $3
        ORDER BY stream_position ${order}
        LIMIT $4`;
    this.readStreamForward = readStream('ASC');
    this.readStreamBackward = readStream('DESC');
    this.readAllStatement = `SELECT ${EVENT_COLUMNS} FROM ${this.events}
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position
        LIMIT $3`;
    this.streamVersionStatement = `SELECT version FROM ${this.streams} WHERE stream_id = $1`;
    this.diagnoseStatement = `SELECT (SELECT version FROM ${this.streams} WHERE stream_id = $1) AS version,
              (SELECT json_agg(found) FROM (
                 SELECT (SELECT json_build_object('id', event_id, 'stream', stream_id, 'position', stream_position)
                           FROM ${this.events} WHERE event_id = asked.id) AS found
                   FROM unnest($2::uuid[]) AS asked(id)) AS probes
                WHERE found IS NOT NULL) AS stored`;
  }

  async append(
    streamId: string,
    events: readonly NewEvent<string, object>[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    assertValidExpectedVersion(expected);
    if (streamId.length === 0) throw new RangeError('stream id must not be empty');
    const sql = options.sql ?? this.pool;
    if (events.length === 0) {
      const current = await this.streamVersion(streamId, sql);
      if (!isExpectedVersionSatisfied(expected, current))
        throw new ConcurrencyError(streamId, expected, current);
      return { nextExpectedVersion: current, alreadyStored: true };
    }

    const streamType = options.streamType ?? streamTypeOf(streamId);
    const ids = events.map((event) => event.eventId ?? randomUUID());
    if (new Set(ids).size !== ids.length)
      throw new RangeError('event ids within one append must be distinct');
    const params = [
      streamId,
      streamType,
      events.length,
      options.metadata?.projectId ?? events[0].metadata?.projectId ?? null,
      ids,
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion ?? 1),
      events.map((event) => storableJson(event.type, 'data', event.data)),
      events.map((event) => storableJson(event.type, 'metadata', { ...options.metadata, ...event.metadata })),
      events.map((event) => {
        const published = publicFormOf(this.publication, streamType, event);
        return published === undefined ? null : JSON.stringify(published);
      }),
    ];
    const statement = this.appendStatement(expected);
    if (typeof expected === 'number' && expected > 0) params.push(expected);

    for (let attempt = 0; ; attempt++) {
      let inserted: number | undefined;
      try {
        const { rows } = await sql.query<{ version: string }>(statement, params, PREPARED);
        if (rows.length > 0) inserted = Number(rows[0].version);
      } catch (error) {
        // A concurrent retry of the same event ids can slip past the duplicate check; diagnose below.
        if (sqlStateOf(error) !== '23505' || sql.inTransaction) throw error;
      }
      if (inserted !== undefined) {
        for (const listener of this.appendListeners) listener();
        this.announcer?.announce();
        return { nextExpectedVersion: inserted, alreadyStored: false };
      }

      const outcome = await this.diagnoseRefusedAppend(streamId, expected, ids, sql);
      if (outcome.kind === 'already-stored')
        return { nextExpectedVersion: outcome.version, alreadyStored: true };
      if (outcome.kind === 'conflict')
        throw new ConcurrencyError(streamId, expected, outcome.currentVersion, outcome.reason);
      // Only the stream-order guard refused it: a newer transaction appended to this stream first.
      if (sql.inTransaction || attempt >= STREAM_ORDER_RETRIES) {
        throw new ConcurrencyError(streamId, expected, outcome.currentVersion, 'stream_order');
      }
    }
  }

  /**
   * Calls `listener` after each append through this instance (inside a caller's transaction that
   * is before its commit): a hint for local readers, such as the outbox relay, to poll now.
   */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /**
   * A stream's events in order. `E` names the stream's event union, so that callers switch on
   * `type` and get typed data; the store trusts its writers (every stream has one decider).
   */
  async readStream<E extends TypedEvent = { type: string; data: JsonObject }>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<StoredEvent<E>[]> {
    const sql = options.sql ?? this.pool;
    const backward = options.direction === 'backward';
    const { rows } = await sql.query<EventRow>(
      backward ? this.readStreamBackward : this.readStreamForward,
      [
        streamId,
        options.fromVersion ?? 1,
        options.toVersion ?? Number.MAX_SAFE_INTEGER,
        options.limit ?? Number.MAX_SAFE_INTEGER,
      ],
      PREPARED,
    );
    return rows.map((row) => this.toEnvelope(row) as StoredEvent<E>);
  }

  /** One event of each stream, at the version given for it (absent where there is none), in one query. */
  async readAt<E extends TypedEvent = { type: string; data: JsonObject }>(
    positions: readonly { streamId: string; version: number }[],
    sql: SqlExecutor = this.pool,
  ): Promise<StoredEvent<E>[]> {
    if (positions.length === 0) return [];
    const { rows } = await sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.events}
        WHERE (stream_id, stream_position) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))`,
      [positions.map((p) => p.streamId), positions.map((p) => p.version)],
    );
    return rows.map((row) => this.toEnvelope(row) as StoredEvent<E>);
  }

  /** Events committed after `after`, in gap-safe global order. */
  async readAll(
    after: GlobalCheckpoint = START_OF_ALL,
    limit = 1000,
    sql: SqlExecutor = this.pool,
  ): Promise<ReadAllResult> {
    const { rows } = await sql.query<EventRow>(
      this.readAllStatement,
      [after.transactionId, after.globalPosition, limit],
      PREPARED,
    );
    const events = rows.map((row) => this.toEnvelope(row));
    return { events, checkpoint: events.length > 0 ? events[events.length - 1].position : after };
  }

  /** The stream's current version; 0 when it does not exist. */
  async streamVersion(streamId: string, sql: SqlExecutor = this.pool): Promise<number> {
    const { rows } = await sql.query<{ version: string }>(this.streamVersionStatement, [streamId], PREPARED);
    return rows.length === 0 ? 0 : Number(rows[0].version);
  }

  private appendStatement(expected: ExpectedVersion): string {
    const kind: AppendKind =
      expected === 'no_stream' || expected === 0
        ? 'create'
        : expected === 'any' || expected === 'stream_exists'
          ? expected
          : 'exact';
    let statement = this.appendStatements.get(kind);
    if (statement === undefined) {
      statement = this.buildAppendStatement(kind);
      this.appendStatements.set(kind, statement);
    }
    return statement;
  }

  private buildAppendStatement(kind: AppendKind): string {
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

  private async diagnoseRefusedAppend(
    streamId: string,
    expected: ExpectedVersion,
    ids: readonly string[],
    sql: SqlExecutor,
  ): Promise<
    | { kind: 'already-stored'; version: number }
    | { kind: 'conflict'; currentVersion: number; reason: 'version_mismatch' | 'event_id_taken' }
    | { kind: 'stream-order'; currentVersion: number }
  > {
    const { rows } = await sql.query<{
      version: string | null;
      stored: { id: string; stream: string; position: number }[] | null;
    }>(this.diagnoseStatement, [streamId, ids], PREPARED);
    const currentVersion = rows[0].version === null ? 0 : Number(rows[0].version);
    const stored = rows[0].stored ?? [];
    if (stored.length === 0) {
      return isExpectedVersionSatisfied(expected, currentVersion)
        ? { kind: 'stream-order', currentVersion }
        : { kind: 'conflict', currentVersion, reason: 'version_mismatch' };
    }
    const positionById = new Map(
      stored.filter((row) => row.stream === streamId).map((row) => [row.id, Number(row.position)]),
    );
    const first = positionById.get(ids[0]);
    const sameBatch =
      first !== undefined &&
      positionById.size === ids.length &&
      ids.every((id, index) => positionById.get(id) === first + index) &&
      isExpectedVersionSatisfied(expected === 'stream_exists' ? 'any' : expected, first - 1) &&
      (expected !== 'stream_exists' || first > 1);
    return sameBatch
      ? { kind: 'already-stored', version: first + ids.length - 1 }
      : { kind: 'conflict', currentVersion, reason: 'event_id_taken' };
  }

  private toEnvelope(row: EventRow): EventEnvelope {
    const { schemaVersion, data } = this.upcasters.isEmpty
      ? { schemaVersion: row.schema_version, data: row.data }
      : this.upcasters.upcast(row.event_type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      streamId: row.stream_id,
      streamType: row.stream_type,
      version: Number(row.stream_position),
      type: row.event_type,
      schemaVersion,
      data,
      metadata: row.metadata,
      recordedAt: row.recorded_at.toISOString(),
      position: { transactionId: row.transaction_id, globalPosition: row.global_position },
      ...(row.published ? { published: row.published } : {}),
    };
  }
}
