/**
 * A versioned SQL migration. Versions are increasing integers per schema; `up` receives the
 * quoted schema name so that one migration can serve every service's schema. Statements must be
 * idempotent (`IF NOT EXISTS`, `CREATE OR REPLACE`) so that a half-applied run can be repeated.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(schema: string): string;
}
