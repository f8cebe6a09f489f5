import type { DataSource } from 'typeorm';
import { ConcurrencyError } from '@app/domain';
import type { SqlExecutor } from '../persistence/sql-executor';
import { inTransaction } from '../persistence/sql-executor';
import { retryDelayMs } from '../retry/retry';

export interface UnitOfWorkOptions {
  /**
   * Retry the whole transaction after a version conflict. Leave false when the caller pinned an
   * expected version: then the conflict is the answer. A stream-order refusal is always retried.
   */
  readonly retryOnConflict: boolean;
  /** Attempts in all (12 by default: 20 writers of one stream at once all get through). */
  readonly attempts?: number;
}

/**
 * The one place where a command's optimistic-concurrency conflict is retried: `work` (load,
 * decide, append, update inline read models) runs in one transaction, and is run again in a
 * fresh one — reading the stream anew — when another writer got in first, with a jittered,
 * growing pause between attempts.
 */
export async function withUnitOfWork<T>(
  dataSource: DataSource,
  work: (sql: SqlExecutor) => Promise<T>,
  options: UnitOfWorkOptions,
): Promise<T> {
  const attempts = options.attempts ?? 12;
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dataSource, work);
    } catch (error) {
      const retryable =
        error instanceof ConcurrencyError && (options.retryOnConflict || error.reason === 'stream_order');
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, { firstMs: 5, maxMs: 250 })));
    }
  }
}
