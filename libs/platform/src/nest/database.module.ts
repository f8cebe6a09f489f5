import type { DynamicModule } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { eventStoreMigrations } from '../event-store/event-store.migrations';
import type { Migration } from '../persistence/migration';
import { runMigrations } from '../persistence/migrator';

export interface ServiceDatabaseOptions {
  readonly config: ServiceConfig;
  /** Read-model migrations of the service, applied after the event store's. */
  readonly migrations?: readonly Migration[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type.
  readonly entities?: MixedList<Function | string | EntitySchema>;
}

/**
 * TypeORM on `pg` for one service: its own schema (first on the search path), its SQL migrations
 * run at start-up by TypeORM's migration runner (recorded in `<schema>.typeorm_migrations`), and
 * never `synchronize`.
 */
export function serviceDatabaseModule(options: ServiceDatabaseOptions): DynamicModule {
  const { config } = options;
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({
      type: 'postgres' as const,
      url: config.databaseUrl,
      // No \`schema\`: entities name no schema, so the search path (the service's schema) finds their
      // tables, and a replay finds the copies by putting its own schema first.
      entities: options.entities ?? [],
      synchronize: false,
      migrationsRun: false,
      applicationName: `codemyspec-${config.service}`,
      extra: { max: config.databasePoolSize, options: `-c search_path=${config.schema},public` },
    }),
    dataSourceFactory: async (dataSourceOptions) => {
      if (!dataSourceOptions) throw new Error('missing data source options');
      const dataSource = await new DataSource(dataSourceOptions).initialize();
      const report = await runMigrations(dataSource, config.schema, [
        ...eventStoreMigrations,
        ...(options.migrations ?? []).map(offsetVersion),
      ]);
      new Logger('Database').log(
        `schema ${config.schema}: ${report.applied.length} migration(s) applied, ${report.alreadyApplied} already in place`,
      );
      return dataSource;
    },
  });
}

/** Service migrations are numbered from 1 on their own; they run after the event store's (1–99). */
function offsetVersion(migration: Migration): Migration {
  return { ...migration, version: 100 + migration.version };
}
