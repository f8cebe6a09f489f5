import { DataSource, MigrationExecutor } from 'typeorm';
import type { DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import type { Migration } from './migration';
import { quoteIdent } from './sql-executor';

export interface MigrationReport {
  readonly schema: string;
  readonly applied: string[];
  readonly alreadyApplied: number;
}

/** Where TypeORM records the migrations it ran, in each service's schema. */
export const MIGRATIONS_TABLE = 'typeorm_migrations';

/**
 * Applies `migrations` to `schema` through TypeORM's migration runner, each in its own
 * transaction, under an advisory lock so that concurrent starts of the same service do not race.
 * TypeORM records each applied migration in `<schema>.typeorm_migrations`; one schema's runner is a
 * short-lived DataSource on the same database whose default schema is that schema.
 */
export async function runMigrations(
  dataSource: DataSource,
  schema: string,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].version === sorted[i - 1].version)
      throw new Error(`duplicate migration version ${sorted[i].version} in ${schema}`);
  }
  const options = dataSource.options as Extract<DataSourceOptions, { type: 'postgres' }>;
  const runner = await new DataSource({
    ...options,
    schema,
    entities: [],
    migrations: sorted.map((migration) => typeormMigration(migration, schema)),
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: { ...(options.extra as Record<string, unknown> | undefined), max: 1 },
  }).initialize();
  const queryRunner = runner.createQueryRunner();
  try {
    await queryRunner.connect();
    await queryRunner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`codemyspec:migrate:${schema}`]);
    try {
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      const executor = new MigrationExecutor(runner, queryRunner);
      executor.transaction = 'each';
      const executed = await executor.executePendingMigrations();
      return {
        schema,
        applied: executed.map((m) => nameOf(sorted, m.name)),
        alreadyApplied: sorted.length - executed.length,
      };
    } finally {
      await queryRunner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`codemyspec:migrate:${schema}`]);
    }
  } finally {
    await queryRunner.release();
    await runner.destroy();
  }
}

/**
 * Our SQL migration as TypeORM's: named `<Name><version as 13 digits>` (TypeORM orders by the
 * trailing "timestamp"), running its SQL with the quoted schema. Migrations only move forward.
 */
function typeormMigration(migration: Migration, schema: string): new () => MigrationInterface {
  const name = typeormName(migration);
  return class implements MigrationInterface {
    readonly name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(migration.up(quoteIdent(schema)));
    }

    down(): Promise<void> {
      return Promise.reject(new Error(`${name} cannot be reverted: migrations only move forward`));
    }
  };
}

function typeormName(migration: Migration): string {
  const words = migration.name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return `${pascal}${String(migration.version).padStart(13, '0')}`;
}

/** `<version>-<name>` for the report, as before. */
function nameOf(migrations: readonly Migration[], typeorm: string): string {
  const found = migrations.find((m) => typeormName(m) === typeorm);
  return found ? `${found.version}-${found.name}` : typeorm;
}
