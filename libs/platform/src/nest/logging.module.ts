import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceConfig } from '../config/service-config';

const PINO_LEVELS: Record<ServiceConfig['logLevel'], string> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

const CORRELATION_ID = /^[\w.-]{1,100}$/;

/** The request's correlation id: the caller's `x-correlation-id` when well-formed, else a new one. */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}

/**
 * `query stories`, `mutation createStory`: the operation's name, else its kind and first field;
 * null for anything that is not a GraphQL request body.
 */
export function graphqlOperationOf(body: unknown): string | null {
  const request = body as { query?: unknown; operationName?: unknown } | null | undefined;
  if (!request || typeof request.query !== 'string') return null;
  const kind = /^\s*(query|mutation|subscription)\b/.exec(request.query)?.[1] ?? 'query';
  if (typeof request.operationName === 'string' && request.operationName)
    return `${kind} ${request.operationName}`;
  const named = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(request.query)?.[1];
  const field = /{\s*(\w+)/.exec(request.query)?.[1];
  return `${kind} ${named ?? field ?? '(anonymous)'}`;
}

/**
 * Structured JSON logs (pino) for every service: one line per request (health checks excepted)
 * with the correlation id that also goes into the events' metadata and onto the Kafka headers;
 * credentials in headers are redacted.
 */
export function serviceLoggingModule(config: Pick<ServiceConfig, 'service' | 'logLevel'>): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: PINO_LEVELS[config.logLevel],
      base: { service: config.service },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = correlationIdOf(req);
        res.setHeader('x-correlation-id', id);
        return id;
      },
      customAttributeKeys: { reqId: 'correlationId' },
      // The GraphQL operation a request ran, for people reading the log (`mutation createStory`).
      customProps: (req: IncomingMessage) => {
        const operation = graphqlOperationOf((req as IncomingMessage & { body?: unknown }).body);
        return operation ? { operation } : {};
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          correlationId: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-codemyspec-identity"]',
          'req.headers.cookie',
          '*.apiKey',
        ],
        censor: '[redacted]',
      },
    },
  });
}
