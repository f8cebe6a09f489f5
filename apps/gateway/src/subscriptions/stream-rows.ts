import type { SqlExecutor } from '@app/platform';

export interface TimelineRow {
  project_id: string | null;
  version: number;
  type: string;
  occurred_at: Date | string;
  data: Record<string, unknown>;
}

/**
 * A stream's timeline rows after a version, read once for every subscriber asking the same
 * question at the same moment: 500 subscribers woken by one notification make one query.
 */
export function sharedStreamRows(sql: SqlExecutor) {
  const inFlight = new Map<string, Promise<TimelineRow[]>>();
  return (streamId: string, after: number): Promise<TimelineRow[]> => {
    const key = `${streamId}\u0000${after}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const read = sql
      .query<TimelineRow>(
        `SELECT project_id, version, type, occurred_at, data FROM timeline
          WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT 200`,
        [streamId, after],
      )
      .then((result) => result.rows)
      .finally(() => inFlight.delete(key));
    inFlight.set(key, read);
    return read;
  };
}
