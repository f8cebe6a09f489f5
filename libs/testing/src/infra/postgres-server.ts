import { Client } from 'pg';
// A relative path: Jest runs its global setup without the @app/* module mapping.
import { startEphemeralPostgres } from '../../../platform/src/persistence/embedded-postgres';
import { testcontainersCanRun } from './testcontainers-gate';

export interface TestPostgres {
  readonly url: string;
  readonly source: 'DATABASE_URL' | 'testcontainers' | 'embedded-postgres';
  stop(): Promise<void>;
}

/**
 * One PostgreSQL server for the whole test run:
 * `DATABASE_URL` when set; else Testcontainers when Docker can pull `postgres`; else embedded-postgres.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    await assertReachable(fromEnv);
    return { url: fromEnv, source: 'DATABASE_URL', stop: async () => undefined };
  }
  const container = await tryTestcontainers();
  if (container) return container;
  const server = await startEphemeralPostgres('codemyspec-test-pg');
  return { url: server.url, source: 'embedded-postgres', stop: () => server.stop() };
}

const POSTGRES_IMAGE = 'postgres:18-alpine';

async function tryTestcontainers(): Promise<TestPostgres | undefined> {
  if (!(await testcontainersCanRun(POSTGRES_IMAGE))) return undefined;
  try {
    const { GenericContainer, Wait } = await import('testcontainers');
    const container = await new GenericContainer(POSTGRES_IMAGE)
      .withEnvironment({ POSTGRES_PASSWORD: 'test', POSTGRES_HOST_AUTH_METHOD: 'scram-sha-256' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .withStartupTimeout(60_000)
      .start();
    const url = `postgres://postgres:test@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
    return { url, source: 'testcontainers', stop: async () => void (await container.stop()) };
  } catch {
    return undefined; // fall back to embedded-postgres
  }
}

async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`DATABASE_URL is set but PostgreSQL does not answer there: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
