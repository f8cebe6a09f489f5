import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { ServiceConfig } from '../config/service-config';

/** Creates, starts and announces one service (JSON logs through pino); SIGINT/SIGTERM close it cleanly. */
export async function bootstrapService(
  config: ServiceConfig,
  rootModule: DynamicModule,
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { bufferLogs: true, bodyParser: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger(config.service).log(`listening on http://${config.host}:${config.port}`);
  return app;
}
