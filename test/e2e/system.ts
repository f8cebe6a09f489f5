import Docker from 'dockerode';
import { missingService } from '@app/testing/infra/require-infra';
import { bubblewrapAvailable } from '../../apps/sessions/src/sandbox/bubblewrap/bubblewrap-sandbox';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import type { ServiceProcess } from '@app/testing/service-process';
import { startServiceProcess } from '@app/testing/service-process';

export const E2E_ADMIN_TOKEN = 'cms_e2e-admin-token-0123456789abcdefghijklmnop';

export interface GraphqlResult<Data> {
  readonly status: number;
  readonly data?: Data;
  readonly errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface RunningSystem {
  readonly url: string;
  /** The first segment of its Kafka topics (`<namespace>.stories.project.v1`). */
  readonly topicNamespace: string;
  /** CODEMYSPEC_DATA_DIR of every service (git repositories of finalized sessions live here). */
  readonly dataDir: string;
  readonly db: TestDatabase;
  readonly services: readonly ServiceProcess[];
  /** POST /graphql through the gateway with a bearer token (or none). */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphqlResult<Data>>;
  /** As graphql, but returns the data and throws on any error (token: the admin's by default). */
  ok<Data>(query: string, variables?: Record<string, unknown>, token?: string): Promise<Data>;
  /** Stops everything; with DEBUG_SERVICES set, prints what each service printed first. */
  stop(): Promise<void>;
  /** Kills a service with SIGKILL (a crash) and starts it again on the same port with the same settings. */
  crashAndRestart(service: ServiceProcess['service']): Promise<void>;
  /** Kills a service with SIGKILL and leaves it down; `restart` brings it back as it was. */
  crash(service: ServiceProcess['service']): Promise<void>;
  restart(service: ServiceProcess['service']): Promise<void>;
}

/**
 * The whole system as separate processes on one fresh database: the subgraphs, then the gateway
 * composing them. The bus is Kafka when KAFKA_BROKERS is set, else the embedded Postgres source.
 */
export async function startSystem(env: Record<string, string> = {}): Promise<RunningSystem> {
  const db = await createTestDatabase('e2e');
  const dataDir = await mkdtemp(join(tmpdir(), 'codemyspec-e2e-'));
  const run = `${Date.now().toString(36)}`;
  // Kafka topics of its own: a system never reads the events of earlier runs on the same broker.
  const topicNamespace = env.KAFKA_TOPIC_NAMESPACE ?? `e2e-${run}-${Math.random().toString(36).slice(2, 8)}`;
  const common = {
    DATABASE_URL: db.url,
    CODEMYSPEC_DATA_DIR: dataDir,
    KAFKA_TOPIC_NAMESPACE: topicNamespace,
    ...env,
  };
  const services: ServiceProcess[] = [];
  try {
    const [stories, architect] = await Promise.all([
      startServiceProcess('stories', { ...common, KAFKA_GROUP_ID: `stories-${run}` }),
      startServiceProcess('architect', { ...common, KAFKA_GROUP_ID: `architect-${run}` }),
    ]);
    services.push(stories, architect);
    const urls = { STORIES_URL: `${stories.url}/graphql`, ARCHITECT_URL: `${architect.url}/graphql` };
    const sessions = await startServiceProcess('sessions', {
      ...common,
      ...urls,
      KAFKA_GROUP_ID: `sessions-${run}`,
    });
    services.push(sessions);
    const gateway = await startServiceProcess('gateway', {
      ...common,
      ...urls,
      KAFKA_GROUP_ID: `gateway-${run}`,
      CODEMYSPEC_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      SESSIONS_URL: `${sessions.url}/graphql`,
    });
    services.push(gateway);
    const graphql = async <Data>(
      query: string,
      variables: Record<string, unknown> = {},
      token: string | null = E2E_ADMIN_TOKEN,
    ): Promise<GraphqlResult<Data>> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        ...((await response.json()) as Omit<GraphqlResult<Data>, 'status'>),
      };
    };
    const crash = async (name: ServiceProcess['service']) => {
      await services.find((s) => s.service === name)!.kill();
    };
    const restart = async (name: ServiceProcess['service']) => {
      const index = services.findIndex((s) => s.service === name);
      services[index] = await startServiceProcess(name, services[index].env);
    };
    return {
      url: gateway.url,
      topicNamespace,
      dataDir,
      db,
      services,
      graphql,
      async ok<Data>(
        query: string,
        variables: Record<string, unknown> = {},
        token: string = E2E_ADMIN_TOKEN,
      ) {
        const result = await graphql<Data>(query, variables, token);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return result.data!;
      },
      async stop() {
        if (process.env.DEBUG_SERVICES)
          for (const service of services)
            process.stderr.write(`--- ${service.service}\n${service.output()}\n`);
        for (const service of [...services].reverse()) await service.stop();
        await db.drop();
      },
      async crashAndRestart(name) {
        await crash(name);
        await restart(name);
      },
      crash,
      restart,
    };
  } catch (error) {
    for (const service of services) await service.stop();
    await db.drop();
    throw error;
  }
}

/**
 * Which sandbox the sessions service will pick here (Docker with the image, else bubblewrap), or
 * null — after a loud notice, or a failure under REQUIRE_INFRA — when neither can run.
 */
export async function sandboxDriver(): Promise<'docker' | 'bubblewrap' | null> {
  const image = process.env.SANDBOX_IMAGE ?? 'codemyspec/sandbox-node:24';
  const docker = new Docker();
  try {
    await docker.ping();
    await docker.getImage(image).inspect();
    return 'docker';
  } catch {
    if (bubblewrapAvailable()) return 'bubblewrap';
  }
  missingService(
    'sandbox',
    `no Docker engine with ${image} answers and bubblewrap cannot run (npm run infra:up)`,
  );
  return null;
}
