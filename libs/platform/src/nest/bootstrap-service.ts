import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { ServiceConfig } from '../config/service-config';
import { subgraphBodyLimit } from '../config/service-config';

/** Creates, starts and announces one service (JSON logs through pino); SIGINT/SIGTERM close it cleanly. */
export async function bootstrapService(
  config: ServiceConfig,
  rootModule: DynamicModule,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  applyServiceHttp(app, config);
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger(config.service).log(`listening on http://${config.host}:${config.port}`);
  return app;
}

/**
 * A subgraph's HTTP settings, the same in production and in the integration tests' harness (which
 * creates the app without `bootstrapService`); the app is created with `bodyParser: false`.
 */
export function applyServiceHttp(app: NestExpressApplication, config: ServiceConfig): void {
  // Express's default (100 kB) would refuse, as INTERNAL, bodies the gateway accepted.
  app.useBodyParser('json', { limit: subgraphBodyLimit(config) });
  // GraphQL answers POSTs: an ETag (a hash of every response body) would never be used; and
  // the framework is nobody's business.
  app.set('etag', false);
  app.disable('x-powered-by');
}
