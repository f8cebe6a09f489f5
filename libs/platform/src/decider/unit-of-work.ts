import type { DataSource } from 'typeorm';
import { ConcurrencyError } from '@app/domain';
import type { SqlExecutor } from '../persistence/sql-executor';
import { inTransaction } from '../persistence/sql-executor';

export interface UnitOfWorkOptions {
  /**
   * Retry the whole transaction after a version conflict. Leave false when the caller pinned an
   * expected version: then the conflict is the answer. A stream-order refusal is always retried.
   */
  readonly retryOnConflict: boolean;
  readonly attempts?: number;
}

/**
 * Runs `work` (load, decide, append, update inline read models) in one transaction, repeating it
 * in a fresh transaction when another writer got in first.
 */
export async function withUnitOfWork<T>(
  dataSource: DataSource,
  work: (sql: SqlExecutor) => Promise<T>,
  options: UnitOfWorkOptions,
): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dataSource, work);
    } catch (error) {
      const retryable =
        error instanceof ConcurrencyError && (options.retryOnConflict || error.reason === 'stream_order');
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
