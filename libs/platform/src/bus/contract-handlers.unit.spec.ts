import { UpcasterRegistry } from '@app/domain';
import type { BusEvent } from './bus-event';
import { toBusEvent } from './bus-event';
import { contractHandlers, UnsupportedContractVersionError } from './contract-handlers';
import type { ProjectionContext } from './projection';

type Renamed = { type: 'Renamed'; data: { title: string } };

const context = {} as ProjectionContext;
const envelope = {
  eventId: 'e-1',
  streamId: 'item-1',
  streamType: 'item',
  version: 1,
  type: 'Renamed',
  schemaVersion: 1,
  data: { title: 'Lamp', secret: 'internal' },
  metadata: {},
  recordedAt: '2026-12-01T00:00:00.000Z',
  position: { transactionId: '1', globalPosition: '1' },
};

describe('toBusEvent', () => {
  it('delivers the published form of a contract event, keeping the envelope', () => {
    const event = toBusEvent(
      { ...envelope, published: { type: 'Renamed', schemaVersion: 1, data: { title: 'Lamp' } } },
      'producer',
    );
    expect(event).toEqual({ ...envelope, data: { title: 'Lamp' }, service: 'producer' });
    expect(event).not.toHaveProperty('published');
  });

  it('delivers an audit-only event as recorded', () => {
    expect(toBusEvent(envelope, 'producer')).toEqual({ ...envelope, service: 'producer' });
  });
});

describe('contractHandlers', () => {
  const bus = (schemaVersion: number, data: object): BusEvent =>
    ({ ...envelope, schemaVersion, data, service: 'producer' }) as BusEvent;

  it('hands the event to the handler of its type', async () => {
    const titles: string[] = [];
    const handlers = contractHandlers<Renamed>({
      Renamed: async (event) => {
        titles.push(event.data.title);
      },
    });
    await handlers.Renamed(bus(1, { title: 'Lamp' }), context);
    expect(titles).toEqual(['Lamp']);
    expect(Object.keys(handlers)).toEqual(['Renamed']);
  });

  it('upcasts an older contract version before the handler sees it', async () => {
    const titles: string[] = [];
    const upcasters = new UpcasterRegistry().register({
      eventType: 'Renamed',
      fromSchemaVersion: 0,
      upcast: (data) => ({ title: typeof data.name === 'string' ? data.name : '' }),
    });
    const handlers = contractHandlers<Renamed>(
      {
        Renamed: async (event) => {
          titles.push(event.data.title);
        },
      },
      upcasters,
    );
    await handlers.Renamed(bus(0, { name: 'Old lamp' }), context);
    expect(titles).toEqual(['Old lamp']);
  });

  it('refuses a contract version it does not know, so the event is parked rather than misread', () => {
    const handlers = contractHandlers<Renamed>({ Renamed: async () => undefined });
    expect(() => handlers.Renamed(bus(2, { heading: 'New lamp' }), context)).toThrow(
      UnsupportedContractVersionError,
    );
  });
});
