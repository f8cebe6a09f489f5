import type { DynamicModule, INestApplication, LogLevel } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceConfig } from '../config/service-config';

const LEVELS: Record<ServiceConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Creates, starts and announces one service; SIGINT/SIGTERM close it cleanly. */
export async function bootstrapService(
  config: ServiceConfig,
  rootModule: DynamicModule,
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { logger: LEVELS[config.logLevel], bodyParser: true });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger(config.service).log(`listening on http://${config.host}:${config.port}`);
  return app;
}
