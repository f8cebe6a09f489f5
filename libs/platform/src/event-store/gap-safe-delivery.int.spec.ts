import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { runMigrations } from '../persistence/migrator';
import { queryRunnerExecutor } from '../persistence/sql-executor';
import { SubscriptionRunner } from '../subscriptions/subscription-runner';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { waitFor } from '@app/testing/wait-for';
import { ConcurrencyError } from '@app/domain';
import type { EventEnvelope } from '@app/domain';
import { eventStoreMigrations } from './event-store.migrations';
import { PostgresEventStore } from './postgres-event-store';

/** One transaction of a writer: it may take its id early, wait, append, wait, then commit or roll back. */
interface WriteStep {
  readonly stream: number;
  readonly events: number;
  readonly takeIdFirst: boolean;
  readonly delayBeforeMs: number;
  readonly holdOpenMs: number;
  readonly rollback: boolean;
}

const writeStep = fc.record<WriteStep>({
  stream: fc.integer({ min: 0, max: 3 }),
  events: fc.integer({ min: 1, max: 3 }),
  takeIdFirst: fc.boolean(),
  delayBeforeMs: fc.integer({ min: 0, max: 8 }),
  holdOpenMs: fc.integer({ min: 0, max: 12 }),
  rollback: fc.boolean().map((b) => b && Math.random() < 0.5),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gap-safe delivery (property)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('gap_safe');
    dataSource = await db.dataSource();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('a subscription consumes exactly what was committed: no duplicates, no holes, stream order kept', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(writeStep, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 5 }),
        async (writers) => {
          const schema = `prop_${run++}`;
          await runMigrations(dataSource, schema, eventStoreMigrations);
          const store = new PostgresEventStore(dataSource, schema);
          const streams = Array.from({ length: 4 }, () => `item-${randomUUID()}`);
          const committed = new Set<string>();
          const consumed: EventEnvelope[] = [];
          const subscription = new SubscriptionRunner({
            name: 'property',
            source: store,
            dataSource,
            checkpointSchema: schema,
            pollIntervalMs: 3,
            batchSize: 7,
            handle: async (events) => void consumed.push(...events),
          });
          subscription.start();
          try {
            await Promise.all(
              writers.map(async (steps) => {
                for (const step of steps)
                  await writeOnce(dataSource, store, streams[step.stream], step, committed);
              }),
            );
            await waitFor(() => consumed.length >= committed.size, 10_000, 'the subscription to catch up');
            await sleep(20);
          } finally {
            await subscription.stop();
          }

          const ids = consumed.map((e) => e.eventId);
          expect(new Set(ids).size).toBe(ids.length); // no duplicates
          expect(new Set(ids)).toEqual(committed); // nothing lost, nothing rolled back delivered
          for (const streamId of streams) {
            const versions = consumed.filter((e) => e.streamId === streamId).map((e) => e.version);
            expect(versions).toEqual(versions.map((_, i) => i + 1)); // no holes, in order
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

async function writeOnce(
  dataSource: DataSource,
  store: PostgresEventStore,
  streamId: string,
  step: WriteStep,
  committed: Set<string>,
) {
  for (;;) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      if (step.takeIdFirst) await runner.query('SELECT pg_current_xact_id()');
      await sleep(step.delayBeforeMs);
      const events = Array.from({ length: step.events }, (_, n) => ({
        type: 'Written',
        data: { n },
        eventId: randomUUID(),
      }));
      await store.append(streamId, events, { sql: queryRunnerExecutor(runner) });
      await sleep(step.holdOpenMs);
      if (step.rollback) {
        await runner.rollbackTransaction();
      } else {
        await runner.commitTransaction();
        for (const event of events) committed.add(event.eventId);
      }
      return;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      if (!(error instanceof ConcurrencyError)) throw error; // stream-order refusal: retry in a new transaction
    } finally {
      await runner.release();
    }
  }
}
