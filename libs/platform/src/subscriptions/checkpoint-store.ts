import type { GlobalCheckpoint } from '@app/domain';
import { START_OF_ALL } from '@app/domain';
import type { SqlExecutor } from '../persistence/sql-executor';
import { quoteIdent } from '../persistence/sql-executor';

export class CheckpointMovedError extends Error {
  constructor(readonly subscription: string) {
    super(`checkpoint of subscription ${subscription} was moved by someone else`);
    this.name = 'CheckpointMovedError';
  }
}

/** Subscription checkpoints in `<schema>.subscription_checkpoints`, moved only by compare-and-set. */
export class CheckpointStore {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdent(schema)}.subscription_checkpoints`;
  }

  async load(sql: SqlExecutor, subscription: string): Promise<GlobalCheckpoint> {
    await sql.query(`INSERT INTO ${this.table} (subscription) VALUES ($1) ON CONFLICT DO NOTHING`, [
      subscription,
    ]);
    const { rows } = await sql.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id, global_position FROM ${this.table} WHERE subscription = $1`,
      [subscription],
    );
    return rows.length === 0
      ? START_OF_ALL
      : { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position };
  }

  /** Moves the checkpoint from `expected` to `next`; throws `CheckpointMovedError` when it was not at `expected`. */
  async compareAndSet(
    sql: SqlExecutor,
    subscription: string,
    expected: GlobalCheckpoint,
    next: GlobalCheckpoint,
  ): Promise<void> {
    const { rowCount } = await sql.query(
      `UPDATE ${this.table}
          SET transaction_id = $4::xid8, global_position = $5, updated_at = now()
        WHERE subscription = $1 AND transaction_id = $2::xid8 AND global_position = $3`,
      [
        subscription,
        expected.transactionId,
        expected.globalPosition,
        next.transactionId,
        next.globalPosition,
      ],
    );
    if (rowCount !== 1) throw new CheckpointMovedError(subscription);
  }

  async reset(sql: SqlExecutor, subscription: string): Promise<void> {
    await sql.query(`DELETE FROM ${this.table} WHERE subscription = $1`, [subscription]);
  }
}
