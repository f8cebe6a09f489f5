import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { loadServiceConfig } from '@app/platform';
import { loadGatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';
import { jsonBody } from './limits/json-body.middleware';
import { waitForSubgraphs } from './federation/wait-for-subgraphs';
import { DataSource } from 'typeorm';
import { dataSourceExecutor } from '@app/platform';
import { Authenticator } from './auth/authenticator';
import { attachSubscriptionServer } from './subscriptions/subscription-server';
import { liveLlmCallLookup } from './subscriptions/live-llm-call.lookup';
import { TimelineNotifications } from './subscriptions/timeline-notifications';
import { mcpEndpoint } from './mcp/mcp-endpoint';
import { gitEndpoint } from './git/git-endpoint';
import { GitAdmission } from './git/git-admission';
import { IdentitySigner } from './federation/identity-signer';
import { productRoot, productVersion } from './product';
import { mountConsole, mountExplorer } from './browser-apps/browser-apps';
import { securityHeaders } from './browser-apps/security-headers';

const VERSION = productVersion();

async function main(): Promise<void> {
  const config = loadServiceConfig('gateway');
  const gateway = loadGatewayConfig();
  // Composition happens at start-up: wait (with retries) until every subgraph answers.
  await waitForSubgraphs(gateway.subgraphs, config.internalSecret, (message) =>
    new Logger('Gateway').log(message),
  );
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config, gateway), {
    bodyParser: false,
    bufferLogs: true,
  });
  // GraphQL answers POSTs: an ETag (a hash of every response body) would never be used; and
  // the framework is nobody's business.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.useLogger(app.get(PinoLogger));
  app.use(securityHeaders);
  app.use(jsonBody(config.maxBodyBytes));
  mountExplorer(app, productRoot());
  mountConsole(app, productRoot());
  // MCP tools run their GraphQL through this very gateway (same tokens, limits and resolvers).
  let graphqlUrl = '';
  app.use(
    '/mcp',
    mcpEndpoint({
      authenticator: app.get(Authenticator, { strict: false }),
      graphqlUrl: () => graphqlUrl,
      version: VERSION,
      allowedHosts: gateway.mcpAllowedHosts,
    }),
  );
  // The git record of each project, read-only over smart HTTP (kept by the sessions service).
  const sessions = gateway.subgraphs.find((s) => s.name === 'sessions');
  if (sessions)
    app.use(
      '/git',
      gitEndpoint({
        authenticator: app.get(Authenticator, { strict: false }),
        signer: new IdentitySigner(config.internalSecret),
        sessionsUrl: sessions.url,
        admission: new GitAdmission(gateway.git.maxActive, gateway.git.maxQueued, gateway.git.maxWaitMs),
      }),
    );
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as AddressInfo;
  graphqlUrl = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${address.port}/graphql`;
  // graphql-ws for subscriptions (sessionProgress) on the same server and path.
  const notifications = new TimelineNotifications();
  await notifications.start(app.get(DataSource));
  const closeSubscriptions = attachSubscriptionServer(
    app.getHttpServer(),
    app.get(Authenticator, { strict: false }),
    dataSourceExecutor(app.get(DataSource)),
    {
      introspection: config.introspection,
      maxTokens: config.maxTokens,
      live: sessions ? liveLlmCallLookup(sessions.url, new IdentitySigner(config.internalSecret)) : undefined,
      wake: (streamId, timeoutMs, signal) => notifications.wait(streamId, timeoutMs, signal),
    },
  );
  // One orderly shutdown, whichever signal comes first (Ctrl-C sends SIGINT to every process of
  // the terminal, and npm start's supervisor follows with SIGTERM): subscriptions and their
  // notifications first, then the HTTP server and every module (consumers, database).
  let stopping: Promise<void> | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    stopping ??= (async () => {
      const logger = new Logger('gateway');
      logger.log(`${signal}: shutting down`);
      notifications.stop();
      await closeSubscriptions().catch((error: unknown) =>
        logger.warn(`closing subscriptions: ${String(error)}`),
      );
      await app.close().catch((error: unknown) => logger.warn(`closing the server: ${String(error)}`));
      process.exit(0);
    })();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, shutdown);
  (app.getHttpServer() as { requestTimeout: number }).requestTimeout = gateway.subgraphTimeoutMs + 10_000;
  new Logger('gateway').log(`GraphQL at http://${config.host}:${config.port}/graphql`);
}

main().catch((error: unknown) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
