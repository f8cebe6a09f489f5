import type { SqlExecutor } from '../persistence/sql-executor';

/** The channel every event store announces its appends on; the payload is the store's schema. */
export const EVENTS_APPENDED_CHANNEL = 'codemyspec_events_appended';

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Tells other processes that a store has new events, so that their readers (the relay of another
 * instance, the consumers of the embedded bus) read now instead of at their next poll. A hint,
 * never the truth: readers still poll, and a lost notification only costs latency.
 *
 * The NOTIFY is its own little transaction after the append (one inside the append's transaction
 * would serialize every append's commit behind PostgreSQL's notify lock), without waiting for
 * its commit record to reach disk (nothing depends on it surviving a crash). Appends that come
 * while one is on its way share the next, sent at least `minIntervalMs` after it. An append inside a caller's transaction is announced
 * before that commits: a reader woken early finds nothing and polls again 10 ms later.
 */
export class AppendAnnouncer {
  private readonly statement: string;
  private sending = false;
  private pending = false;

  constructor(
    private readonly sql: SqlExecutor,
    schema: string,
    /** The least time between two announcements; the first after a quiet spell goes at once. */
    private readonly minIntervalMs = 5,
  ) {
    // Two statements in one simple query run as one implicit transaction, so SET LOCAL holds for it.
    this.statement = `SET LOCAL synchronous_commit = off;
      SELECT pg_notify(${literal(EVENTS_APPENDED_CHANNEL)}, ${literal(schema)})`;
  }

  announce(): void {
    if (this.sending) {
      this.pending = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  private async send(): Promise<void> {
    for (;;) {
      this.pending = false;
      const started = performance.now();
      try {
        await this.sql.query(this.statement);
      } catch {
        // Only a hint: the readers' polls find the events anyway.
      }
      if (!this.pending) break;
      // Under a steady stream of appends, one announcement per interval wakes readers just as well.
      const wait = this.minIntervalMs - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.sending = false;
  }
}
