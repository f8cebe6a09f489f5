import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@app/domain/persistence/embedded-postgres';
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
  const dir = await mkdtemp(join(tmpdir(), 'codemyspec-bench-pg-'));
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
