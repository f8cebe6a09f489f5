/**
 * Child-process fixture: the outbox relay of one producing service.
 *
 * Env: BUS_DATABASE_URL, KAFKA_BROKERS, PRODUCER (service name = its event-store schema),
 * RELAY_BATCH_SIZE (default 1000), CRASH_AFTER_PRODUCE=1 with CRASH_AFTER_EVENTS=n: once at least
 * n events were produced, the `afterProduce` hook SIGKILLs this process — after Kafka acknowledged
 * the batch and before its checkpoint commits.
 *
 * stdout (JSON lines): `{ready}`, `{produced, batch, first, last}` per acknowledged batch,
 * `{crashing, eventIds}` just before the SIGKILL, `{stopped}` after a SIGTERM.
 */
import { PostgresEventStore } from '@app/platform';
import { KafkaRelay } from '@app/platform';
import { testKafkaClient } from './kafka-test-kit';
import { emit, numberEnv, openDataSource, requiredEnv, runFixture } from './process-fixture';

runFixture(async () => {
  const service = requiredEnv('PRODUCER');
  const brokers = requiredEnv('KAFKA_BROKERS').split(',');
  const crash = process.env.CRASH_AFTER_PRODUCE === '1';
  const crashAfter = numberEnv('CRASH_AFTER_EVENTS', 1);
  const dataSource = await openDataSource(requiredEnv('BUS_DATABASE_URL'));
  let produced = 0;
  const relay = new KafkaRelay({
    service,
    kafka: testKafkaClient(`${service}-relay-${process.pid}`, brokers),
    dataSource,
    store: new PostgresEventStore(dataSource, service),
    batchSize: numberEnv('RELAY_BATCH_SIZE', 1000),
    afterProduce: (events) => {
      produced += events.length;
      emit({
        produced,
        batch: events.length,
        first: events[0]?.eventId,
        last: events[events.length - 1]?.eventId,
      });
      if (crash && produced >= crashAfter) {
        emit({ crashing: true, eventIds: events.map((e) => e.eventId) });
        process.kill(process.pid, 'SIGKILL');
      }
    },
  });
  await relay.start();
  return async () => {
    await relay.stop();
    await dataSource.destroy();
  };
});
