import { Client } from 'pg';

/** Runs untimed housekeeping (counting, vacuuming) on its own short-lived connection. */
export async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function countRows(url: string, table: string): Promise<number> {
  return withAdminClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  });
}
