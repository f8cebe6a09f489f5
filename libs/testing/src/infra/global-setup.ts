import { startTestKafka } from './kafka-server';
import { startTestPostgres } from './postgres-server';
import type { TestKafka } from './kafka-server';
import type { TestPostgres } from './postgres-server';

declare global {
  var __codemyspecTestInfra: { postgres: TestPostgres; kafka?: TestKafka } | undefined;
}

/**
 * Jest global setup for the int and e2e levels: one PostgreSQL server (and one Kafka, when there
 * is one) for the whole run. Their addresses reach the test workers through the environment.
 */
// eslint-disable-next-line no-restricted-syntax -- Jest loads global setup through a default export.
export default async function globalSetup(): Promise<void> {
  const postgres = await startTestPostgres();
  process.env.DATABASE_URL = postgres.url;
  const kafka = await startTestKafka();
  if (kafka) process.env.KAFKA_BROKERS = kafka.brokers.join(',');
  globalThis.__codemyspecTestInfra = { postgres, kafka };
  process.stderr.write(
    `\n[test infra] PostgreSQL from ${postgres.source}; Kafka ${kafka ? `from ${kafka.source}` : 'not available'}\n`,
  );
}
