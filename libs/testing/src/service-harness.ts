import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Identity } from '@app/domain';
import type { ServiceConfig, ServiceName } from '@app/platform';
import { applyServiceHttp, loadServiceConfig } from '@app/platform';
import { createTestDatabase } from './infra/test-database';
import type { GraphqlResponse } from './subgraph-graphql';
import { postSubgraphGraphql, TEST_SECRET } from './subgraph-graphql';
import type { TestDatabase } from './infra/test-database';

export { TEST_SECRET } from './subgraph-graphql';
export type { GraphqlResponse } from './subgraph-graphql';

export interface ServiceHarness {
  readonly app: INestApplication;
  readonly url: string;
  readonly config: ServiceConfig;
  readonly db: TestDatabase;
  /** POSTs a GraphQL operation with a signed identity (what the gateway does), or none at all. */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity | null,
  ): Promise<GraphqlResponse<Data>>;
  close(): Promise<void>;
}

export const adminIdentity: Identity = { subject: 'admin', role: 'ADMIN', projectId: null, actor: 'admin' };

export function projectIdentity(
  projectId: string,
  role: Identity['role'] = 'EDITOR',
  actor = `${role.toLowerCase()}@${projectId.slice(0, 8)}`,
): Identity {
  return { subject: `token-${actor}`, role, projectId, actor };
}

/**
 * Boots one service on a fresh database and a free port, as `main.ts` would, for integration
 * tests of its resolvers. Stands in for the gateway by signing identities itself.
 */
export async function startServiceHarness(
  service: ServiceName,
  moduleFor: (config: ServiceConfig) => DynamicModule,
  env: Record<string, string> = {},
  shared?: TestDatabase,
): Promise<ServiceHarness> {
  const db = shared ?? (await createTestDatabase(service));
  const config = loadServiceConfig(service, {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: '0',
    CODEMYSPEC_INTERNAL_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(moduleFor(config), {
    logger: ['error'],
    bodyParser: false,
  });
  applyServiceHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    config,
    db,
    graphql<Data>(
      query: string,
      variables: Record<string, unknown> = {},
      identity: Identity | null = adminIdentity,
    ) {
      return postSubgraphGraphql<Data>(url, query, variables, identity);
    },
    async close() {
      await app.close();
      if (!shared) await db.drop();
    },
  };
}
