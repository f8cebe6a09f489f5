import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { QueryFailedError } from 'typeorm';

/**
 * The narrow SQL surface the event store and projections need. It is backed by TypeORM:
 * either the DataSource's pool (each call in its own implicit transaction) or a QueryRunner
 * (inside a transaction the caller owns, so event-store work and read-model writes commit together).
 */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<SqlResult<Row>>;
  /** True when the statements run inside a transaction owned by the caller. */
  readonly inTransaction: boolean;
  /**
   * TypeORM's entity manager for read-model entities: on the same connection and inside the caller's
   * transaction for a QueryRunner executor, on the DataSource's pool otherwise.
   */
  readonly manager: EntityManager;
}

export interface SqlResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

export interface QueryOptions {
  /**
   * A hint that `sql` is one fixed statement (every value a parameter) run often: the pool
   * executor then runs it as a named prepared statement, parsed and planned once per connection.
   * Results and errors are the same either way. Never set it for SQL with values inlined: each
   * distinct text stays prepared on every pooled connection.
   */
  readonly prepare?: boolean;
}

export function queryRunnerExecutor(runner: QueryRunner): SqlExecutor {
  return {
    get inTransaction() {
      return runner.isTransactionActive;
    },
    manager: runner.manager,
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = (await runner.query(sql, [...params], true)) as { records?: Row[]; affected?: number };
      return { rows: result.records ?? [], rowCount: result.affected ?? 0 };
    },
  };
}

/**
 * Each call borrows a connection from the DataSource's pool for one statement.
 *
 * On TypeORM's Postgres driver the statement goes straight to the driver's `pg` pool, with the
 * same logging (query, error, slow query) and the same `QueryFailedError` as `QueryRunner.query`.
 * That skips a QueryRunner per call and pg's promise API, which together cost about 2 µs of client
 * CPU per row read (mostly garbage collection), and it allows prepared statements. With entity
 * subscribers (they observe every query) or another driver, it goes through a QueryRunner as before.
 */
export function dataSourceExecutor(dataSource: DataSource): SqlExecutor {
  return {
    inTransaction: false,
    manager: dataSource.manager,
    async query<Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
      const pool = directPool(dataSource);
      if (pool) return poolQuery<Row>(dataSource, pool, sql, params, options);
      const runner = dataSource.createQueryRunner();
      try {
        return await queryRunnerExecutor(runner).query<Row>(sql, params);
      } finally {
        await runner.release();
      }
    },
  };
}

/** The driver's `pg` pool, when statements may bypass the QueryRunner without anyone noticing. */
function directPool(dataSource: DataSource): Pool | undefined {
  if (dataSource.driver.options.type !== 'postgres' || dataSource.subscribers.length > 0) return undefined;
  const master: unknown = (dataSource.driver as { master?: unknown }).master;
  return isPgPool(master) ? master : undefined;
}

function isPgPool(value: unknown): value is Pool {
  return (
    typeof value === 'object' &&
    value !== null &&
    'connect' in value &&
    typeof value.connect === 'function' &&
    'query' in value &&
    typeof value.query === 'function'
  );
}

async function poolQuery<Row>(
  dataSource: DataSource,
  pool: Pool,
  sql: string,
  params: readonly unknown[],
  options: QueryOptions,
): Promise<SqlResult<Row>> {
  const parameters = [...params];
  const config: QueryConfig = options.prepare
    ? { name: preparedStatementName(sql), text: sql, values: parameters }
    : { text: sql, values: parameters };
  const client = await pool.connect();
  // Like TypeORM: a connection that fails while borrowed is discarded, one whose statement failed is kept.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  dataSource.logger.logQuery(sql, parameters);
  try {
    const started = Date.now();
    const raw = await runOnClient(client, config);
    const elapsed = Date.now() - started;
    const slowAfter = dataSource.options.maxQueryExecutionTime;
    if (slowAfter && elapsed > slowAfter) dataSource.logger.logQuerySlow(elapsed, sql, parameters);
    // Several statements in one text (no parameters) answer with a list of results: TypeORM reports no rows.
    if (Array.isArray(raw)) return { rows: [], rowCount: 0 };
    return { rows: raw.rows as Row[], rowCount: raw.rowCount ?? 0 };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    dataSource.logger.logQueryError(error, sql, parameters);
    throw new QueryFailedError(sql, parameters, error);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** pg's callback API: its promise API keeps result rows alive longer and costs far more GC per row. */
function runOnClient(client: PoolClient, config: QueryConfig): Promise<QueryResult<QueryResultRow>> {
  return new Promise((resolve, reject) => {
    client.query(config, (error: Error | undefined, result: QueryResult<QueryResultRow>) => {
      if (error) reject(error);
      else resolve(result);
    });
  });
}

const statementNames = new Map<string, string>();

/** The same text gets the same name on every connection; `pg` prepares it on a connection's first use. */
function preparedStatementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    if (statementNames.size >= 1000) statementNames.clear();
    name = `cms_${createHash('sha1').update(sql).digest('hex')}`;
    statementNames.set(sql, name);
  }
  return name;
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
