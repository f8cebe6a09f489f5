import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Identity } from '@app/domain';
import { IDENTITY_HEADER, signIdentity } from '@app/platform';
import type { ServiceConfig, ServiceName } from '@app/platform';
import { loadServiceConfig } from '@app/platform';
import { createTestDatabase } from './infra/test-database';
import type { TestDatabase } from './infra/test-database';

export const TEST_SECRET = 'test-secret-for-signing-identities-0123456789';

export interface GraphqlResponse<Data> {
  readonly status: number;
  readonly data?: Data;
  readonly errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

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
  const app = await NestFactory.create(moduleFor(config), { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    config,
    db,
    async graphql<Data>(
      query: string,
      variables: Record<string, unknown> = {},
      identity: Identity | null = adminIdentity,
    ) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (identity) headers[IDENTITY_HEADER] = signIdentity(identity, TEST_SECRET);
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphqlResponse<Data>, 'status'>;
      return { status: response.status, ...body };
    },
    async close() {
      await app.close();
      if (!shared) await db.drop();
    },
  };
}
