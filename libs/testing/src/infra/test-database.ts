import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** A TypeORM DataSource on the new database (created lazily, closed by `drop`), with these entities if given. */
  dataSource(options?: { entities?: DataSourceOptions['entities'] }): Promise<DataSource>;
  drop(): Promise<void>;
}

/** A fresh, empty database on the run's server, for one spec file. */
export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'DATABASE_URL is not set: run this spec through the int or e2e Jest project (global setup starts the server)',
    );
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  const sources: DataSource[] = [];
  return {
    url,
    name,
    async dataSource(options = {}) {
      const source = new DataSource({
        type: 'postgres',
        url,
        synchronize: false,
        extra: { max: 20 },
        entities: options.entities ?? [],
      });
      await source.initialize();
      sources.push(source);
      return source;
    },
    async drop() {
      for (const source of sources) if (source.isInitialized) await source.destroy();
      await withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
