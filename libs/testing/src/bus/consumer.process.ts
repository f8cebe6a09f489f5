/**
 * Child-process fixture: a Kafka consumer (group = CONSUMER) feeding the titles read model.
 *
 * Env: BUS_DATABASE_URL, KAFKA_BROKERS, PRODUCER (the producing service), CONSUMER (consumer
 * group and schema), HANDLER_DELAY_MS (default 0: a slow handler, to be killed mid-batch),
 * CHUNK_SIZE (default: the consumer's), MAX_BATCH_MS (default: the consumer's; large, for a batch
 * that outlasts its group session).
 *
 * stdout (JSON lines): `{ready}`, `{handled, streamId, version}` each time the handler ran
 * (inside the batch's transaction, before it commits), `{stopped}` after a SIGTERM.
 */
import { KafkaEventConsumer } from '@app/platform';
import type { Projection } from '@app/platform';
import { testKafkaClient } from './kafka-test-kit';
import { emit, numberEnv, openDataSource, requiredEnv, runFixture } from './process-fixture';
import { titlesProjection } from './titles.projection';

runFixture(async () => {
  const producer = requiredEnv('PRODUCER');
  const consumerName = requiredEnv('CONSUMER');
  const brokers = requiredEnv('KAFKA_BROKERS').split(',');
  const delayMs = numberEnv('HANDLER_DELAY_MS', 0);
  const chunkSize = process.env.CHUNK_SIZE ? numberEnv('CHUNK_SIZE', 500) : undefined;
  const maxBatchMs = process.env.MAX_BATCH_MS ? numberEnv('MAX_BATCH_MS', 500) : undefined;
  const dataSource = await openDataSource(requiredEnv('BUS_DATABASE_URL'));
  const base = titlesProjection({ consumerSchema: consumerName, producer });
  let handled = 0;
  const projection: Projection = {
    ...base,
    handlers: {
      TitleSet: async (event, context) => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        await base.handlers.TitleSet(event, context);
        handled += 1;
        emit({ handled, streamId: event.streamId, version: event.version });
      },
    },
  };
  const consumer = new KafkaEventConsumer({
    kafka: testKafkaClient(`${consumerName}-consumer-${process.pid}`, brokers),
    groupId: consumerName,
    dataSource,
    schema: consumerName,
    projections: [projection],
    maxAttempts: 2,
    chunkSize,
    maxBatchMs,
  });
  await consumer.start();
  return async () => {
    await consumer.stop();
    await dataSource.destroy();
  };
});
