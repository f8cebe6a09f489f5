import type { SqlExecutor } from '../persistence/sql-executor';
import { quoteIdent } from '../persistence/sql-executor';
import type { BusEvent } from './bus-event';

/**
 * What a consumer has applied and set aside, in its service's schema: the last applied version of
 * each stream (`bus_applied_versions`) and the parked events (`bus_parked_events`), which block
 * their stream until a retry applies them.
 */
export class ConsumerPositions {
  private readonly versions: string;
  private readonly parkedTable: string;

  constructor(
    private readonly consumer: string,
    schema: string,
  ) {
    const s = quoteIdent(schema);
    this.versions = `${s}.bus_applied_versions`;
    this.parkedTable = `${s}.bus_parked_events`;
  }

  async loadStreamState(
    streamIds: string[],
    sql: SqlExecutor,
  ): Promise<Map<string, { version: number; blocked: boolean }>> {
    const state = new Map<string, { version: number; blocked: boolean }>();
    if (streamIds.length === 0) return state;
    const { rows } = await sql.query<{ stream_id: string; version: string | null; blocked: boolean }>(
      `SELECT s.stream_id,
              (SELECT version FROM ${this.versions} v WHERE v.consumer = $1 AND v.stream_id = s.stream_id) AS version,
              EXISTS (SELECT 1 FROM ${this.parkedTable} p WHERE p.consumer = $1 AND p.stream_id = s.stream_id) AS blocked
         FROM unnest($2::text[]) AS s(stream_id)`,
      [this.consumer, streamIds],
    );
    for (const row of rows)
      state.set(row.stream_id, {
        version: row.version === null ? 0 : Number(row.version),
        blocked: row.blocked,
      });
    return state;
  }

  async saveVersions(moved: Map<string, number>, sql: SqlExecutor): Promise<void> {
    if (moved.size === 0) return;
    await sql.query(
      `INSERT INTO ${this.versions} (consumer, stream_id, version)
       SELECT $1, s.stream_id, s.version FROM unnest($2::text[], $3::bigint[]) AS s(stream_id, version)
       ON CONFLICT (consumer, stream_id) DO UPDATE SET version = EXCLUDED.version`,
      [this.consumer, [...moved.keys()], [...moved.values()]],
    );
    moved.clear();
  }

  async park(event: BusEvent, reason: string, attempts: number, sql: SqlExecutor): Promise<void> {
    await sql.query(
      `INSERT INTO ${this.parkedTable} (consumer, stream_id, version, event_id, source_service, envelope, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (consumer, stream_id, version) DO NOTHING`,
      [
        this.consumer,
        event.streamId,
        event.version,
        event.eventId,
        event.service,
        JSON.stringify(event),
        reason,
        attempts,
      ],
    );
  }

  async unpark(event: BusEvent, sql: SqlExecutor): Promise<void> {
    await sql.query(
      `DELETE FROM ${this.parkedTable} WHERE consumer = $1 AND stream_id = $2 AND version = $3`,
      [this.consumer, event.streamId, event.version],
    );
  }

  /** The parked events of this consumer, oldest stream position first. */
  async parkedEvents(
    sql: SqlExecutor,
  ): Promise<{ streamId: string; version: number; eventId: string; reason: string }[]> {
    const { rows } = await sql.query<{
      stream_id: string;
      version: string;
      event_id: string;
      reason: string;
    }>(
      `SELECT stream_id, version, event_id, reason FROM ${this.parkedTable} WHERE consumer = $1 ORDER BY stream_id, version`,
      [this.consumer],
    );
    return rows.map((r) => ({
      streamId: r.stream_id,
      version: Number(r.version),
      eventId: r.event_id,
      reason: r.reason,
    }));
  }

  /** The parked events' envelopes, stream by stream in version order (for a retry). */
  async parkedEnvelopes(
    sql: SqlExecutor,
  ): Promise<{ stream_id: string; version: string; envelope: BusEvent }[]> {
    const { rows } = await sql.query<{ stream_id: string; version: string; envelope: BusEvent }>(
      `SELECT stream_id, version, envelope FROM ${this.parkedTable} WHERE consumer = $1 ORDER BY stream_id, version`,
      [this.consumer],
    );
    return rows;
  }
}
