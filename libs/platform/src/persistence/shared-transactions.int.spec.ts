import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { SharedTransactions } from './shared-transactions';

describe('SharedTransactions', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('shared_tx');
    dataSource = await db.dataSource();
    await dataSource.query('CREATE TABLE notes (key text PRIMARY KEY, tx text NOT NULL)');
  });

  afterAll(async () => {
    await db.drop();
  });

  const note = (transactions: SharedTransactions, key: string, fail = false) =>
    transactions.run(key, async (sql) => {
      const { rows } = await sql.query<{ tx: string }>(
        `INSERT INTO notes (key, tx) VALUES ($1, pg_current_xact_id()::text) RETURNING tx`,
        [key],
      );
      if (fail) throw new Error(`work ${key} failed`);
      return rows[0].tx;
    });

  it('runs the work handed over in one turn in one transaction, in key order, each with its own result', async () => {
    const transactions = new SharedTransactions(dataSource);
    const order: string[] = [];
    const [b, a, c] = await Promise.all(
      ['b', 'a', 'c'].map((key) =>
        transactions.run(key, async (sql) => {
          order.push(key);
          const { rows } = await sql.query<{ tx: string }>(
            `INSERT INTO notes (key, tx) VALUES ($1, pg_current_xact_id()::text) RETURNING tx`,
            [`ordered-${key}`],
          );
          return { key, tx: rows[0].tx };
        }),
      ),
    );
    expect([a.key, b.key, c.key]).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(new Set([a.tx, b.tx, c.tx]).size).toBe(1);

    // Work handed over in a later turn gets a transaction of its own.
    const later = await note(transactions, 'later');
    expect(later).not.toBe(a.tx);
  });

  it('rolls everything back and fails every piece when one piece fails', async () => {
    const transactions = new SharedTransactions(dataSource);
    const results = await Promise.allSettled([
      note(transactions, 'kept-if-alone'),
      note(transactions, 'fails', true),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('work fails failed'));
    const stored = await dataSource.query<{ key: string }[]>(
      `SELECT key FROM notes WHERE key IN ('kept-if-alone', 'fails')`,
    );
    expect(stored).toEqual([]);
  });
});
