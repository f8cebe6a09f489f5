import { ConfigError, envReader } from './env-reader';
import { DEFAULT_TOPIC_NAMESPACE, isTopicNamespace } from '../topics/topic-names';

export const SERVICE_NAMES = ['stories', 'architect', 'sessions', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  gateway: 4000,
  stories: 4001,
  architect: 4002,
  sessions: 4003,
};

export interface ServiceConfig {
  readonly service: ServiceName;
  readonly host: string;
  readonly port: number;
  /** PostgreSQL of this service; its tables live in the schema named after the service. */
  readonly databaseUrl: string;
  readonly schema: string;
  readonly databasePoolSize: number;
  /** Unset in the embedded default: the bus then reads the other services' event stores directly. */
  readonly kafkaBrokers: readonly string[] | undefined;
  /** The Kafka consumer group: the service's name unless overridden (tests isolate runs with it). */
  readonly kafkaGroupId: string;
  /**
   * How long the group waits for a silent member before its partitions go to the others (a
   * crashed instance's share is picked up this long after the crash). Kafka's floor is 6 s.
   */
  readonly kafkaSessionTimeoutMs: number;
  /** The first segment of every topic name: deployments (or test runs) sharing a broker keep apart. */
  readonly kafkaTopicNamespace: string;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Shared by the gateway and the subgraphs to sign and verify forwarded identities. */
  readonly internalSecret: string;
  /** Serve GraphQL introspection (the gateway needs it from the subgraphs; clients may be refused). */
  readonly introspection: boolean;
  /**
   * The largest request body a client may send (GRAPHQL_MAX_BODY_BYTES). The gateway refuses more
   * with PAYLOAD_TOO_LARGE; a subgraph accepts this much plus what the gateway adds when it
   * forwards, so a body the gateway took never fails further in.
   */
  readonly maxBodyBytes: number;
  /**
   * The most lexical tokens a client's GraphQL document may have (GRAPHQL_MAX_TOKENS), counted
   * before it is parsed; a subgraph accepts SUBGRAPH_TOKEN_FACTOR times as many (the gateway's
   * query plans add `__typename`s and entity fetches).
   */
  readonly maxTokens: number;
  /**
   * The longest GraphQL document (the query text, not its variables) a client may send
   * (GRAPHQL_MAX_DOCUMENT_LENGTH, in characters): a long string literal is lexed whole, so large
   * values belong in variables.
   */
  readonly maxDocumentLength: number;
}

export const DEFAULT_MAX_TOKENS = 1_000;
export const DEFAULT_MAX_DOCUMENT_LENGTH = 100_000;

/** A subgraph's token limit is this many times the client's. */
export const SUBGRAPH_TOKEN_FACTOR = 4;

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** What a subgraph accepts: the client limit plus room for the query text the gateway re-prints. */
export function subgraphBodyLimit(config: Pick<ServiceConfig, 'maxBodyBytes'>): number {
  return config.maxBodyBytes + 1024 * 1024;
}

/**
 * Reads one service's settings. `<SERVICE>_DATABASE_URL` overrides `DATABASE_URL` for that
 * service, so each one can have its own database in the distributed mode.
 */
export function loadServiceConfig(
  service: ServiceName,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServiceConfig {
  const read = envReader(env);
  const prefix = service.toUpperCase();
  const databaseUrl =
    read.url(`${prefix}_DATABASE_URL`, ['postgres:', 'postgresql:']) ??
    read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl) {
    throw new Error(
      `DATABASE_URL is not set. Start the whole system with "npm start" (embedded PostgreSQL), or set DATABASE_URL to run ${service} on its own.`,
    );
  }
  return {
    service,
    host: read.string('HOST', '127.0.0.1'),
    port: read.port('PORT', DEFAULT_PORTS[service]),
    databaseUrl,
    schema: service,
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    kafkaBrokers: read.list('KAFKA_BROKERS'),
    kafkaGroupId: read.string('KAFKA_GROUP_ID', service),
    kafkaSessionTimeoutMs: read.int('KAFKA_SESSION_TIMEOUT_MS', 30_000, { min: 6_000, max: 300_000 }),
    kafkaTopicNamespace: topicNamespace(read.string('KAFKA_TOPIC_NAMESPACE', DEFAULT_TOPIC_NAMESPACE)),
    logLevel: read.oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'], 'log'),
    internalSecret: readSecret(read),
    introspection: read.bool('GRAPHQL_INTROSPECTION', true),
    maxBodyBytes: read.int('GRAPHQL_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, { min: 1024 }),
    maxTokens: read.int('GRAPHQL_MAX_TOKENS', DEFAULT_MAX_TOKENS, { min: 200, max: 100_000 }),
    maxDocumentLength: read.int('GRAPHQL_MAX_DOCUMENT_LENGTH', DEFAULT_MAX_DOCUMENT_LENGTH, {
      min: 1_000,
    }),
  };
}

function readSecret(read: ReturnType<typeof envReader>): string {
  const secret = read.optionalString('CODEMYSPEC_INTERNAL_SECRET');
  if (!secret) {
    throw new ConfigError(
      'CODEMYSPEC_INTERNAL_SECRET',
      'is required (≥ 32 characters, shared by the gateway and the subgraphs; npm start generates one)',
    );
  }
  if (secret.length < 32)
    throw new ConfigError('CODEMYSPEC_INTERNAL_SECRET', 'must be at least 32 characters');
  return secret;
}

function topicNamespace(value: string): string {
  if (!isTopicNamespace(value))
    throw new ConfigError(
      'KAFKA_TOPIC_NAMESPACE',
      'must be lowercase letters, digits and dashes, starting with a letter',
    );
  return value;
}
