/**
 * A versioned SQL migration, run by TypeORM's migration runner (see `migrator.ts`). Versions are
 * increasing integers per schema; `up` receives the quoted schema name so that one migration can
 * serve every service's schema. Statements must be idempotent (`IF NOT EXISTS`, `CREATE OR
 * REPLACE`): schemas migrated before TypeORM recorded its runs have every migration run once more.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(schema: string): string;
}
