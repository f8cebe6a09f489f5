import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import type { Migration } from './migration';
import { MIGRATIONS_TABLE, runMigrations } from './migrator';

/** The migrator over TypeORM's migration runner, against a real PostgreSQL. */
describe('runMigrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('migrator');
    dataSource = await db.dataSource();
  });
  afterAll(() => db.drop());

  const freshSchema = () => `m${randomBytes(4).toString('hex')}`;
  // Deliberately not idempotent: running one twice would fail.
  const migrations: Migration[] = [
    { version: 2, name: 'add-notes', up: (s) => `ALTER TABLE ${s}.items ADD COLUMN notes text` },
    { version: 1, name: 'items', up: (s) => `CREATE TABLE ${s}.items (id int PRIMARY KEY)` },
  ];

  it('applies migrations in version order, records them with TypeORM, and applies nothing twice', async () => {
    const schema = freshSchema();
    const first = await runMigrations(dataSource, schema, migrations);
    expect(first).toEqual({ schema, applied: ['1-items', '2-add-notes'], alreadyApplied: 0 });
    const recorded = await dataSource.query<{ name: string; timestamp: string }[]>(
      `SELECT name, timestamp FROM "${schema}".${MIGRATIONS_TABLE} ORDER BY id`,
    );
    expect(recorded.map((r) => [r.name, Number(r.timestamp)])).toEqual([
      ['Items0000000000001', 1],
      ['AddNotes0000000000002', 2],
    ]);
    expect(await runMigrations(dataSource, schema, migrations)).toEqual({
      schema,
      applied: [],
      alreadyApplied: 2,
    });
  });

  it('lets concurrent starts of one service apply each migration once', async () => {
    const schema = freshSchema();
    const reports = await Promise.all([1, 2, 3].map(() => runMigrations(dataSource, schema, migrations)));
    expect(reports.flatMap((r) => r.applied).sort()).toEqual(['1-items', '2-add-notes']);
  });

  it('keeps the migrations before a failing one, rolls the failing one back whole, and says why', async () => {
    const schema = freshSchema();
    const failing: Migration = {
      version: 3,
      name: 'half-done',
      up: (s) => `CREATE TABLE ${s}.half (id int); SELECT no_such_function();`,
    };
    await expect(runMigrations(dataSource, schema, [...migrations, failing])).rejects.toThrow(
      /no_such_function/,
    );
    const tables = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual(['items', MIGRATIONS_TABLE]);
  });

  it('refuses two migrations with one version', async () => {
    await expect(
      runMigrations(dataSource, freshSchema(), [...migrations, { ...migrations[0], name: 'other' }]),
    ).rejects.toThrow('duplicate migration version 2');
  });
});
