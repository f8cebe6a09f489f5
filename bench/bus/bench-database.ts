import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '@app/domain/persistence/embedded-postgres';

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

export async function openDataSource(url: string, poolSize: number): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url, synchronize: false, extra: { max: poolSize } }).initialize();
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
  const dir = await mkdtemp(join(tmpdir(), 'codemyspec-bus-bench-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, ephemeral: true });
    return {
      source: 'embedded-postgres',
      url: server.url,
      async stop() {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
