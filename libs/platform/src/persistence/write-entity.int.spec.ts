import type { DataSource } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { inTransaction } from './sql-executor';
import { writeEntities, writeEntity } from './write-entity';

@Entity({ name: 'write_entity_items' })
class Item {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('jsonb') details!: { steps: string[] };
  @Column('timestamptz', { name: 'seen_at' }) seenAt!: Date;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
}

const ID = '00000000-0000-4000-8000-000000000001';

function item(overrides: Partial<Item> = {}): Item {
  return {
    id: ID,
    name: 'first',
    tags: ['a', 'b'],
    details: { steps: ['x'] },
    seenAt: new Date('2026-12-01T10:00:00.000Z'),
    parentId: null,
    ...overrides,
  };
}

/** Read-model writes through TypeORM's entity metadata, against a real PostgreSQL. */
describe('writeEntity', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('write_entity');
    dataSource = await db.dataSource({ entities: [Item] });
    await dataSource.query(
      `CREATE TABLE write_entity_items (id uuid PRIMARY KEY, name text NOT NULL, tags text[] NOT NULL,
         details jsonb NOT NULL, seen_at timestamptz NOT NULL, parent_id uuid)`,
    );
  });
  afterAll(() => db.drop());
  beforeEach(() => dataSource.query(`TRUNCATE write_entity_items`));

  const stored = () => dataSource.manager.find(Item);

  it('inserts, then replaces every other column of the same key with the reused statement', async () => {
    await writeEntity(dataSource.manager, Item, item(), 'update');
    const parent = '00000000-0000-4000-8000-000000000002';
    const changed = item({
      name: 'second',
      tags: ["it's", '{braces}'],
      details: { steps: ['y', 'z'] },
      seenAt: new Date('2026-12-02T11:00:00.000Z'),
      parentId: parent,
    });
    const build = jest.spyOn(dataSource.manager, 'createQueryBuilder');
    await writeEntity(dataSource.manager, Item, changed, 'update');
    expect(build).not.toHaveBeenCalled();
    build.mockRestore();
    expect(await stored()).toEqual([changed]);
  });

  it('keeps the existing row on a conflict when told to ignore', async () => {
    await writeEntity(dataSource.manager, Item, item(), 'ignore');
    await writeEntity(dataSource.manager, Item, item({ name: 'ignored' }), 'ignore');
    expect((await stored()).map((row) => row.name)).toEqual(['first']);
  });

  it('writes inside the caller transaction: a rollback takes the row with it', async () => {
    await expect(
      inTransaction(dataSource, async (sql) => {
        await writeEntity(sql.manager, Item, item(), 'update');
        expect(await sql.manager.countBy(Item, { id: ID })).toBe(1);
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await stored()).toEqual([]);
  });

  it('refuses a row that leaves columns out instead of writing their defaults over the stored ones', async () => {
    const { parentId: _left, ...partial } = item();
    await expect(writeEntity(dataSource.manager, Item, partial as Item, 'update')).rejects.toThrow(
      'writeEntity(Item) needs a complete row; missing parentId',
    );
  });

  it('writes a run of rows in multi-row statements; a repeated key keeps its last row on update, its first on ignore', async () => {
    const ids = Array.from(
      { length: 300 },
      (_, i) => `00000000-0000-4000-8000-${String(i + 10).padStart(12, '0')}`,
    );
    const rows = ids.map((id, i) => item({ id, name: `row ${i}`, tags: [`t${i}`] }));
    const build = jest.spyOn(dataSource.manager, 'createQueryBuilder');
    const run = jest.spyOn(dataSource.manager, 'query');
    await writeEntities(dataSource.manager, Item, [...rows, item({ id: ids[0], name: 'last' })], 'update');
    // 300 rows: 256 + 16 + 16 + 4 + 4 + 4; three shapes built once each.
    expect(run).toHaveBeenCalledTimes(6);
    expect(build).toHaveBeenCalledTimes(3);
    await writeEntities(dataSource.manager, Item, rows.slice(0, 20), 'ignore');
    build.mockRestore();
    run.mockRestore();
    const byId = new Map((await stored()).map((row) => [row.id, row]));
    expect(byId.size).toBe(300);
    expect(byId.get(ids[0])!.name).toBe('last');
    expect(byId.get(ids[299])).toEqual(rows[299]);
  });
});
