import type { SqlExecutor } from '../../persistence/sql-executor';

/**
 * A checksum of a table's content that does not depend on physical row order: the md5 of every
 * row's text form, sorted. Two tables with the same rows have the same checksum.
 */
export async function tableChecksum(
  sql: SqlExecutor,
  qualifiedTable: string,
): Promise<{ rows: number; checksum: string }> {
  const { rows } = await sql.query<{ rows: string; checksum: string }>(
    `SELECT count(*) AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS checksum
       FROM (SELECT t::text AS r FROM ${qualifiedTable} t) rows`,
  );
  return { rows: Number(rows[0].rows), checksum: rows[0].checksum };
}
