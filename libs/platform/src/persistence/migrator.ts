import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Migration } from './migration';
import { inTransaction, quoteIdent } from './sql-executor';

export interface MigrationReport {
  readonly schema: string;
  readonly applied: string[];
  readonly alreadyApplied: number;
}

/**
 * Applies `migrations` to `schema` in version order, each in its own transaction, under an
 * advisory lock so that concurrent starts of the same service do not race. Applied versions are
 * recorded in `<schema>.schema_migrations` with a checksum; a changed migration stops start-up.
 */
export async function runMigrations(
  dataSource: DataSource,
  schema: string,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  const s = quoteIdent(schema);
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].version === sorted[i - 1].version)
      throw new Error(`duplicate migration version ${sorted[i].version} in ${schema}`);
  }
  const applied: string[] = [];
  let alreadyApplied = 0;
  await inTransaction(dataSource, async (sql) => {
    await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`codemyspec:migrate:${schema}`]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await sql.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         checksum text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await sql.query<{ version: number; checksum: string; name: string }>(
      `SELECT version, checksum, name FROM ${s}.schema_migrations`,
    );
    const done = new Map(rows.map((row) => [row.version, row]));
    for (const migration of sorted) {
      const text = migration.up(s);
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(migration.version);
      if (previous) {
        if (previous.checksum !== checksum) {
          throw new Error(
            `migration ${schema}#${migration.version} (${migration.name}) changed after it was applied; add a new migration instead`,
          );
        }
        alreadyApplied += 1;
        continue;
      }
      await sql.query(text);
      await sql.query(`INSERT INTO ${s}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`, [
        migration.version,
        migration.name,
        checksum,
      ]);
      applied.push(`${migration.version}-${migration.name}`);
    }
  });
  return { schema, applied, alreadyApplied };
}
