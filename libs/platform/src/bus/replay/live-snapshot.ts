import type { DataSource, QueryRunner } from 'typeorm';
import type { SqlExecutor } from '../../persistence/sql-executor';
import { queryRunnerExecutor, quoteIdent } from '../../persistence/sql-executor';

/**
 * The live read model frozen at one instant: a REPEATABLE READ transaction whose snapshot holds
 * the live tables and, in the same snapshot, the last version the live consumer applied of every
 * stream (the watermark). A replay that applies exactly those events can be compared with it while
 * writes go on: the live side applies an event and records its version in one transaction.
 */
export class LiveSnapshot {
  private constructor(
    private readonly runner: QueryRunner,
    readonly watermark: ReadonlyMap<string, number>,
    readonly consumer: string | null,
  ) {}

  /**
   * `consumer`: the live consumer whose watermark to use; without it, the only one recording
   * versions in the schema. With several and none named, every event is replayed (as before:
   * then compare when writes are quiet).
   */
  static async open(dataSource: DataSource, schema: string, consumer?: string): Promise<LiveSnapshot> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const versions = `${quoteIdent(schema)}.bus_applied_versions`;
      const consumers = (
        (await runner.query(
          `SELECT DISTINCT consumer FROM ${versions} WHERE consumer NOT LIKE 'replay:%'`,
        )) as {
          consumer: string;
        }[]
      ).map((r) => r.consumer);
      const live = consumer ?? (consumers.length === 1 ? consumers[0] : null);
      const rows = live
        ? ((await runner.query(`SELECT stream_id, version FROM ${versions} WHERE consumer = $1`, [live])) as {
            stream_id: string;
            version: string;
          }[])
        : [];
      return new LiveSnapshot(runner, new Map(rows.map((r) => [r.stream_id, Number(r.version)])), live);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  /** Reads in the snapshot. */
  get sql(): SqlExecutor {
    return queryRunnerExecutor(this.runner);
  }

  /** True when the live consumer had applied this event at the snapshot (no live consumer: every event). */
  covers(streamId: string, version: number): boolean {
    if (this.consumer === null) return true;
    return (this.watermark.get(streamId) ?? 0) >= version;
  }

  async close(): Promise<void> {
    try {
      await this.runner.query('ROLLBACK');
    } finally {
      await this.runner.release();
    }
  }
}
