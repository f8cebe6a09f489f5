import { randomBytes } from 'node:crypto';
import { startEphemeralPostgres } from '@app/platform/persistence/embedded-postgres';
import { withAdminClient } from './admin-sql';

export interface BenchServer {
  readonly source: 'DATABASE_URL' | 'embedded-postgres';
  /** The server's maintenance database (`postgres`). */
  readonly url: string;
  stop(): Promise<void>;
}

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** `DATABASE_URL` when set; else an ephemeral embedded PostgreSQL in a temporary folder. */
export async function startBenchServer(): Promise<BenchServer> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { source: 'DATABASE_URL', url: fromEnv, stop: async () => undefined };
  const server = await startEphemeralPostgres('codemyspec-bench-pg');
  return { source: 'embedded-postgres', url: server.url, stop: () => server.stop() };
}

/** A fresh database on `serverUrl` for one run, dropped (with its connections) afterwards. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdminClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}
