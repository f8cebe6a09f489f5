import { missingService } from './require-infra';
import { freePort, testcontainersCanRun } from './testcontainers-gate';

export interface TestKafka {
  readonly brokers: string[];
  readonly source: 'KAFKA_BROKERS' | 'testcontainers';
  stop(): Promise<void>;
}

const KAFKA_IMAGE = 'apache/kafka:4.1.0';

/**
 * `KAFKA_BROKERS` when set; else Testcontainers `apache/kafka` where Docker can get the image;
 * else none (a loud skip, or a failure under REQUIRE_INFRA=1).
 */
export async function startTestKafka(): Promise<TestKafka | undefined> {
  const fromEnv = process.env.KAFKA_BROKERS;
  if (fromEnv)
    return {
      brokers: fromEnv.split(',').map((b) => b.trim()),
      source: 'KAFKA_BROKERS',
      stop: async () => undefined,
    };
  if (!(await testcontainersCanRun(KAFKA_IMAGE))) {
    missingService('Kafka', `KAFKA_BROKERS is unset and Docker cannot provide ${KAFKA_IMAGE}`);
    return undefined;
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  const port = await freePort();
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000)
    .start();
  return {
    brokers: [`127.0.0.1:${port}`],
    source: 'testcontainers',
    stop: async () => void (await container.stop()),
  };
}
