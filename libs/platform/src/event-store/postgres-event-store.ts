import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { QueryOptions, SqlExecutor } from '../persistence/sql-executor';
import { dataSourceExecutor, sqlStateOf } from '../persistence/sql-executor';
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
import { EventStoreStatements } from './event-store-statements';
import type { RefusedAppend } from './refused-append';
import { judgeRefusedAppend } from './refused-append';

/** How many times an autocommit append re-runs when only the stream-order guard refused it. */
const STREAM_ORDER_RETRIES = 5;

/** Every statement of the store has a fixed text per schema, so the pool may keep it prepared. */
const PREPARED: QueryOptions = { prepare: true };

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
  private readonly pool: SqlExecutor;
  private readonly statements: EventStoreStatements;
  /** The SQL texts, built once: the same text each call is what lets the pool reuse prepared statements. */
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
    this.pool = dataSourceExecutor(dataSource);
    this.statements = new EventStoreStatements(schema);
    if (options.announceAppends !== false) this.announcer = new AppendAnnouncer(this.pool, schema);
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
    const statement = this.statements.append(expected);
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

      const outcome = await this.judgeRefusal(streamId, expected, ids, sql);
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
      backward ? this.statements.readStreamBackward : this.statements.readStreamForward,
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
    const { rows } = await sql.query<EventRow>(this.statements.readAt, [
      positions.map((p) => p.streamId),
      positions.map((p) => p.version),
    ]);
    return rows.map((row) => this.toEnvelope(row) as StoredEvent<E>);
  }

  /** Events committed after `after`, in gap-safe global order. */
  async readAll(
    after: GlobalCheckpoint = START_OF_ALL,
    limit = 1000,
    sql: SqlExecutor = this.pool,
  ): Promise<ReadAllResult> {
    const { rows } = await sql.query<EventRow>(
      this.statements.readAll,
      [after.transactionId, after.globalPosition, limit],
      PREPARED,
    );
    const events = rows.map((row) => this.toEnvelope(row));
    return { events, checkpoint: events.length > 0 ? events[events.length - 1].position : after };
  }

  /** The stream's current version; 0 when it does not exist. */
  async streamVersion(streamId: string, sql: SqlExecutor = this.pool): Promise<number> {
    const { rows } = await sql.query<{ version: string }>(
      this.statements.streamVersion,
      [streamId],
      PREPARED,
    );
    return rows.length === 0 ? 0 : Number(rows[0].version);
  }

  private async judgeRefusal(
    streamId: string,
    expected: ExpectedVersion,
    ids: readonly string[],
    sql: SqlExecutor,
  ): Promise<RefusedAppend> {
    const { rows } = await sql.query<{
      version: string | null;
      stored: { id: string; stream: string; position: number }[] | null;
    }>(this.statements.diagnose, [streamId, ids], PREPARED);
    const version = rows[0].version === null ? null : Number(rows[0].version);
    return judgeRefusedAppend(streamId, expected, ids, { version, stored: rows[0].stored ?? [] });
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
