import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Publication, ServicePublication } from '@app/domain';
import { AUDIT_ONLY, START_OF_ALL } from '@app/domain';
import { createTestDatabase } from '@app/testing/infra/test-database';
import type { TestDatabase } from '@app/testing/infra/test-database';
import { waitFor } from '@app/testing/wait-for';
import { eventStoreMigrations } from '../event-store/event-store.migrations';
import { PostgresEventStore } from '../event-store/postgres-event-store';
import { runMigrations } from '../persistence/migrator';
import type { BusEvent } from './bus-event';
import { contractHandlers } from './contract-handlers';
import { PostgresEventConsumer } from './postgres/postgres-event-consumer';
import { replayProjection } from './replay/replay-projection';

type Internal =
  | { type: 'ItemRenamed'; data: { title: string; ownerEmail: string; at: string } }
  | { type: 'ItemNoted'; data: { note: string } };
type Public = { type: 'ItemRenamed'; data: { title: string; at: string } };

const itemPublication: Publication<Internal, Public> = {
  ItemRenamed: (data) => ({ type: 'ItemRenamed', data: { title: data.title, at: data.at } }),
  ItemNoted: AUDIT_ONLY,
};
const publication: ServicePublication = { item: itemPublication };

/** A producing service with a publication, and a consumer on the embedded bus. */
describe('publication: other services receive the public form of an event', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('publication');
    dataSource = await db.dataSource();
  });
  afterAll(() => db.drop());

  async function producerWithEvents() {
    const producer = `p${randomBytes(4).toString('hex')}`;
    await runMigrations(dataSource, producer, eventStoreMigrations);
    const store = new PostgresEventStore(dataSource, producer, { publication });
    const stream = `item-${randomUUID()}`;
    await store.append(stream, [
      {
        type: 'ItemRenamed',
        data: { title: 'Lamp', ownerEmail: 'owner@example.com', at: '2026-12-01T00:00:00Z' },
      },
      { type: 'ItemNoted', data: { note: 'audit me' } },
    ]);
    return { producer, store, stream };
  }

  it('stores the public form next to a contract event, and none next to an audit-only one', async () => {
    const { store, stream } = await producerWithEvents();
    const events = (await store.readAll(START_OF_ALL, 1000)).events.filter((e) => e.streamId === stream);
    expect(events.map((e) => e.published)).toEqual([
      { type: 'ItemRenamed', schemaVersion: 1, data: { title: 'Lamp', at: '2026-12-01T00:00:00Z' } },
      undefined,
    ]);
    // The service itself still reads what it recorded.
    expect((await store.readStream(stream))[0].data).toMatchObject({ ownerEmail: 'owner@example.com' });
  });

  it('delivers the public form live and on replay: internal fields never reach the consumer', async () => {
    const { producer, stream } = await producerWithEvents();
    const consumerSchema = `c${randomBytes(4).toString('hex')}`;
    await runMigrations(dataSource, consumerSchema, eventStoreMigrations);
    const received: BusEvent[] = [];
    const projection = {
      name: `${consumerSchema}.items`,
      schema: consumerSchema,
      tables: [],
      sources: [{ service: producer, streamTypes: ['item'] }],
      handlers: {
        ...contractHandlers<Public>({
          ItemRenamed: async (event) => {
            received.push(event); // typed: event.data.title is a string
          },
        }),
        '*': async (event: BusEvent) => {
          received.push(event);
        },
      },
    };
    const consumer = new PostgresEventConsumer({
      name: consumerSchema,
      dataSource,
      schema: consumerSchema,
      projections: [projection],
    });
    await consumer.start();
    try {
      await waitFor(async () => received.length === 2, 10_000, 'both events');
    } finally {
      await consumer.stop();
    }
    const live = received.filter((e) => e.streamId === stream);
    expect(live.map((e) => [e.type, e.data])).toEqual([
      ['ItemRenamed', { title: 'Lamp', at: '2026-12-01T00:00:00Z' }],
      ['ItemNoted', { note: 'audit me' }],
    ]);
    expect(JSON.stringify(live)).not.toContain('owner@example.com');

    received.length = 0;
    await replayProjection({ projection, dataSource, source: { kind: 'event-store' } });
    expect(JSON.stringify(received)).not.toContain('owner@example.com');
    expect(received.map((e) => e.type)).toEqual(['ItemRenamed', 'ItemNoted']);
  });
});
