import type { DataSource } from 'typeorm';
import { EVENTS_APPENDED_CHANNEL } from '../event-store/append-announcer';
import { PgListener } from '../persistence/pg-listener';
import type { EventConsumer } from './event-consumer';

export interface WakeOnAppendsOptions {
  readonly dataSource: DataSource;
  /** The schema of this service's own event store, which its relay reads. */
  readonly ownSchema: string;
  readonly relay?: { poke(): void };
  readonly consumer?: Pick<EventConsumer, 'poke'>;
  readonly log?: (message: string) => void;
}

/**
 * Appends in other processes (another instance of this service, or the producing services whose
 * stores the embedded bus reads) wake the relay and the consumer through PostgreSQL's NOTIFY
 * (see AppendAnnouncer), instead of waiting for their next poll (up to 250 ms when idle).
 * Undefined when there is nothing to wake (a Kafka consumer is pushed to by the broker).
 */
export async function wakeOnAppends(options: WakeOnAppendsOptions): Promise<PgListener | undefined> {
  const { relay, ownSchema } = options;
  const poke = options.consumer?.poke?.bind(options.consumer);
  if (!relay && !poke) return undefined;
  const listener = new PgListener(options.dataSource, {
    channels: [EVENTS_APPENDED_CHANNEL],
    onNotification: (_channel, schema) => (schema === ownSchema ? relay?.poke() : poke?.(schema)),
    // Notifications sent while the connection was down are lost: look once now.
    onListening: () => {
      relay?.poke();
      poke?.();
    },
    log: options.log,
  });
  await listener.start();
  return listener;
}
