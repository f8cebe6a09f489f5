import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The narrow SQL surface the event store and projections need. It is backed by TypeORM:
 * either the DataSource's pool (each call in its own implicit transaction) or a QueryRunner
 * (inside a transaction the caller owns, so event-store work and read-model writes commit together).
 */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** True when the statements run inside a transaction owned by the caller. */
  readonly inTransaction: boolean;
}

export interface SqlResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

export function queryRunnerExecutor(runner: QueryRunner): SqlExecutor {
  return {
    get inTransaction() {
      return runner.isTransactionActive;
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = (await runner.query(sql, [...params], true)) as { records?: Row[]; affected?: number };
      return { rows: result.records ?? [], rowCount: result.affected ?? 0 };
    },
  };
}

export function dataSourceExecutor(dataSource: DataSource): SqlExecutor {
  return {
    inTransaction: false,
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const runner = dataSource.createQueryRunner();
      try {
        return await queryRunnerExecutor(runner).query<Row>(sql, params);
      } finally {
        await runner.release();
      }
    },
  };
}

/** Runs `work` in one database transaction; commits when it resolves and rolls back when it throws. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (sql: SqlExecutor, runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = await work(queryRunnerExecutor(runner), runner);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** The Postgres error code (SQLSTATE) of an error thrown by pg or wrapped by TypeORM, if any. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate: unknown = 'driverError' in error ? error.driverError : error;
  if (typeof candidate === 'object' && candidate !== null && 'code' in candidate) {
    const code = candidate.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid SQL identifier: ${name}`);
  return `"${name}"`;
}
