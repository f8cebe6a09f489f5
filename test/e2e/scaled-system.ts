import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@app/platform';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import type { ServiceProcess } from '@app/testing/service-process';
import { startServiceProcess } from '@app/testing/service-process';
import { E2E_ADMIN_TOKEN } from './system';

export interface ScaledSystem {
  readonly db: TestDatabase;
  /** Every instance, by service: `instances.stories[0]`, `instances.stories[1]`, … */
  readonly instances: Readonly<Record<ServiceName, readonly ServiceProcess[]>>;
  /** POST /graphql to one of the gateways (taking turns), with the admin token. */
  graphql<Data>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: Data; errors?: { message: string; extensions?: { code?: string } }[] }>;
  stop(): Promise<void>;
}

/**
 * The whole system with `count` instances of every service on one fresh database (and one Kafka
 * namespace when KAFKA_BROKERS is set): instances of a service share its consumer group and its
 * schema, and each gateway lists every instance of each subgraph.
 */
export async function startScaledSystem(
  count: number,
  env: Record<string, string> = {},
): Promise<ScaledSystem> {
  const db = await createTestDatabase('e2e_scaled');
  const dataDir = await mkdtemp(join(tmpdir(), 'codemyspec-scaled-'));
  const run = Date.now().toString(36);
  const common = {
    DATABASE_URL: db.url,
    CODEMYSPEC_DATA_DIR: dataDir,
    KAFKA_TOPIC_NAMESPACE: `e2e-scaled-${run}`,
    // A killed instance's partitions go to the others after this long (Kafka's floor).
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    ...env,
  };
  const instances: Record<ServiceName, ServiceProcess[]> = {
    stories: [],
    architect: [],
    sessions: [],
    gateway: [],
  };
  const start = async (service: ServiceName, extra: Record<string, string> = {}) => {
    for (let i = 0; i < count; i++)
      instances[service].push(
        await startServiceProcess(service, { ...common, KAFKA_GROUP_ID: `${service}-${run}`, ...extra }),
      );
  };
  const urls = (service: ServiceName) => instances[service].map((s) => `${s.url}/graphql`).join(',');
  try {
    await start('stories');
    await start('architect');
    await start('sessions', { STORIES_URL: urls('stories'), ARCHITECT_URL: urls('architect') });
    await start('gateway', {
      STORIES_URL: urls('stories'),
      ARCHITECT_URL: urls('architect'),
      SESSIONS_URL: urls('sessions'),
      CODEMYSPEC_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
    });
  } catch (error) {
    for (const service of Object.values(instances).flat()) await service.stop();
    await db.drop();
    throw error;
  }
  let turn = 0;
  return {
    db,
    instances,
    async graphql<Data>(query: string, variables: Record<string, unknown> = {}) {
      const gateways = instances.gateway;
      const gateway = gateways[turn++ % gateways.length];
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Data; errors?: { message: string }[] };
    },
    async stop() {
      if (process.env.DEBUG_SERVICES)
        for (const service of Object.values(instances).flat())
          process.stderr.write(`--- ${service.service}:${service.port}\n${service.output()}\n`);
      for (const service of Object.values(instances).flat().reverse()) await service.stop();
      await db.drop();
    },
  };
}
