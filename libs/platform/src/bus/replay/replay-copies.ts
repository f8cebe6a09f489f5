import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../../persistence/sql-executor';
import { quoteIdent, sqlStateOf } from '../../persistence/sql-executor';
import type { Projection } from '../projection';
import { tableChecksum } from './read-model-checksum';

export const COPY_SUFFIX = '__replay';

export interface TableComparison {
  readonly table: string;
  readonly rowsLive: number;
  readonly rowsReplayed: number;
  readonly checksumLive: string;
  readonly checksumReplayed: string;
}

/**
 * Empty copies of a read model's tables for a replay to rebuild: same names, in the schema
 * `<schema>__replay`. SQL handlers reach them through `table()`; entity writes (entities name no
 * schema) through the search path the replay's transactions put first.
 */
export class ReplayCopies {
  private readonly liveSchema: string;
  readonly copySchema: string;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly projection: Projection,
  ) {
    this.liveSchema = quoteIdent(projection.schema);
    this.copySchema = quoteIdent(`${projection.schema}${COPY_SUFFIX}`);
  }

  live(table: string): string {
    return `${this.liveSchema}.${quoteIdent(table)}`;
  }

  copy(table: string): string {
    return `${this.copySchema}.${quoteIdent(table)}`;
  }

  /** For the replay's transactions: the copies first, then the service's own tables. */
  get searchPath(): string {
    return `SET LOCAL search_path = ${this.copySchema}, ${this.liveSchema}, public`;
  }

  async create(): Promise<void> {
    await this.sql.query(`CREATE SCHEMA IF NOT EXISTS ${this.copySchema}`);
    for (const table of this.projection.tables) {
      await this.sql.query(`DROP TABLE IF EXISTS ${this.copy(table)}`);
      await this.sql.query(`CREATE TABLE ${this.copy(table)} (LIKE ${this.live(table)} INCLUDING ALL)`);
    }
  }

  /** Row counts and order-independent checksums of each live table and its copy, and of all of them. */
  async compare(
    liveSql: SqlExecutor = this.sql,
  ): Promise<{ tables: TableComparison[]; checksumLive: string; checksumReplayed: string }> {
    const tables: TableComparison[] = [];
    for (const table of this.projection.tables) {
      const live = await tableChecksum(liveSql, this.live(table));
      const replayed = await tableChecksum(this.sql, this.copy(table));
      tables.push({
        table,
        rowsLive: live.rows,
        rowsReplayed: replayed.rows,
        checksumLive: live.checksum,
        checksumReplayed: replayed.checksum,
      });
    }
    const combine = (parts: string[]) => createHash('md5').update(parts.join('|')).digest('hex');
    return {
      tables,
      checksumLive: combine(tables.map((t) => t.checksumLive)),
      checksumReplayed: combine(tables.map((t) => t.checksumReplayed)),
    };
  }

  /**
   * The first row (in text order) that one side has and the other has not: where a difference
   * starts, named by the row's columns (a timeline row names its event id).
   */
  async firstDifference(table: string, liveSql: SqlExecutor): Promise<string | null> {
    const liveRows = await liveSql.query<{ r: string }>(`SELECT t::text AS r FROM ${this.live(table)} t`);
    const copyRows = await this.sql.query<{ r: string }>(`SELECT t::text AS r FROM ${this.copy(table)} t`);
    const copies = new Set(copyRows.rows.map((row) => row.r));
    const lives = new Set(liveRows.rows.map((row) => row.r));
    const onlyLive = liveRows.rows
      .map((row) => row.r)
      .filter((r) => !copies.has(r))
      .sort();
    const onlyReplayed = copyRows.rows
      .map((row) => row.r)
      .filter((r) => !lives.has(r))
      .sort();
    if (onlyLive.length === 0 && onlyReplayed.length === 0) return null;
    const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
    return `${table}: live ${onlyLive[0] ? clip(onlyLive[0]) : '(no such row)'} / replayed ${onlyReplayed[0] ? clip(onlyReplayed[0]) : '(no such row)'}`;
  }

  async drop(): Promise<void> {
    for (const table of this.projection.tables)
      await this.sql.query(`DROP TABLE IF EXISTS ${this.copy(table)}`);
    await this.sql.query(`DROP SCHEMA IF EXISTS ${this.copySchema}`).catch((error: unknown) => {
      // Dependent objects: another replay of the same service still has its copies there.
      if (sqlStateOf(error) !== '2BP01') throw error;
    });
  }
}
