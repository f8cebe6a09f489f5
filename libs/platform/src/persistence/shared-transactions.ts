import type { DataSource, QueryRunner } from 'typeorm';
import type { SqlExecutor } from './sql-executor';
import { inTransaction } from './sql-executor';

type Work<T> = (sql: SqlExecutor, runner: QueryRunner) => Promise<T>;

interface Waiting {
  readonly key: string;
  readonly work: Work<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Pieces of work handed over in the same turn of the event loop share one transaction: run one
 * after the other, in the order of their keys (so two instances take their locks in the same
 * order), and committed once. Each piece's promise settles after that commit, with its own result;
 * if any piece fails, the transaction rolls back and every piece fails with that error (their
 * callers retry them). A Kafka consumer hands over the chunks of the partitions of one fetch: one
 * commit (and one WAL flush) per fetch instead of one per partition.
 */
export class SharedTransactions {
  private waiting: Waiting[] = [];

  constructor(private readonly dataSource: DataSource) {}

  run<T>(key: string, work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ key, work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private async flush(): Promise<void> {
    const group = this.waiting.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.waiting = [];
    try {
      const results = await inTransaction(this.dataSource, async (sql, runner) => {
        const done: unknown[] = [];
        for (const waiting of group) done.push(await waiting.work(sql, runner));
        return done;
      });
      group.forEach((waiting, index) => waiting.resolve(results[index]));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
