import type { EventConsumer } from '@app/platform/bus/event-consumer';
import { kafkaClient } from '@app/platform/bus/event-bus';
import { KafkaEventConsumer } from '@app/platform/bus/kafka/kafka-event-consumer';
import { PostgresEventConsumer } from '@app/platform/bus/postgres/postgres-event-consumer';
import { wakeOnAppends } from '@app/platform/bus/wake-on-appends';
import type { Projection } from '@app/platform/bus/projection';
import { openDataSource } from './bench-database';
import { sleep } from './bench-clock';
import { CONSUMER_SPEC_ENV } from './consumer-protocol';
import type { ConsumerCommand, ConsumerReply, ConsumerSpec } from './consumer-protocol';
import { latencyProjection } from './latency-projection';
import { LatestTitle } from './latest-title.entity';
import { latestTitlesProjection } from './latest-titles.projection';

const WRITES = {
  'latest-titles': 'entity',
  'latest-titles-sql': 'sql',
  'latest-titles-batch': 'batch',
} as const;

/**
 * Service B: the consuming service, in its own process as in production. It runs one consumer
 * (Kafka or the Postgres source) with the production defaults, reports `ready` once events flow
 * to its read model, and stops cleanly on `stop`.
 */
async function main(): Promise<void> {
  const spec = readSpec();
  // As a service's DataSource: its entities, its schema first on the search path.
  const dataSource = await openDataSource(spec.databaseUrl, 10, {
    entities: [LatestTitle],
    schema: spec.schema,
  });
  const projection: Projection =
    spec.readModel === 'arrivals'
      ? latencyProjection({ consumerSchema: spec.schema, producer: spec.producerService })
      : latestTitlesProjection({
          consumerSchema: spec.schema,
          producer: spec.producerService,
          writes: WRITES[spec.readModel],
        });
  const log = (message: string) => process.stderr.write(`[consumer ${spec.name}] ${message}\n`);
  const consumer: EventConsumer =
    spec.bus === 'kafka'
      ? new KafkaEventConsumer({
          kafka: kafkaClient(spec.brokers, `${spec.name}-consumer`),
          groupId: spec.name,
          dataSource,
          schema: spec.schema,
          projections: [projection],
          log,
          // An A/B knob: partitions applied at once (the consumer's default: 1).
          ...(process.env.BUS_BENCH_PARTITIONS_CONCURRENTLY && {
            partitionsConcurrently: Number(process.env.BUS_BENCH_PARTITIONS_CONCURRENTLY),
          }),
        })
      : new PostgresEventConsumer({
          name: spec.name,
          dataSource,
          schema: spec.schema,
          projections: [projection],
          sourceSchemas: { [spec.producerService]: spec.producerSchema },
          onError: (error, attempt) => {
            if (attempt === 1 || attempt % 20 === 0)
              log(`attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`);
          },
        });
  await consumer.start();
  // As the services do: the producer's appends wake the Postgres-source consumer (a Kafka one is pushed to).
  const appends = await wakeOnAppends({ dataSource, ownSchema: spec.schema, consumer, log });
  while (!consumer.isReady()) await sleep(20);
  process.on('message', (command: ConsumerCommand) => {
    if (command.type !== 'stop') return;
    void (async () => {
      appends?.stop();
      await consumer.stop();
      await dataSource.destroy();
      send({ type: 'stopped' }, () => process.exit(0));
    })();
  });
  send({ type: 'ready' });
}

function readSpec(): ConsumerSpec {
  const raw = process.env[CONSUMER_SPEC_ENV];
  if (!raw) throw new Error(`${CONSUMER_SPEC_ENV} is not set: this file is started by the bus bench`);
  return JSON.parse(raw) as ConsumerSpec;
}

function send(reply: ConsumerReply, then?: () => void): void {
  if (!process.send) throw new Error('consumer.process must be started with an IPC channel');
  process.send(reply, undefined, undefined, () => then?.());
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${message}\n`);
  if (process.send) process.send({ type: 'failed', message } satisfies ConsumerReply, () => process.exit(1));
  else process.exit(1);
});
