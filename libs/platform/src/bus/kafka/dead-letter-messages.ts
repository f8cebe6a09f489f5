import type { KafkaMessage, Message } from 'kafkajs';
import type { BatchOutcome } from '../event-applier';

/**
 * What goes to `<topic>.dlq` for a chunk: each parked event (poison, or held behind one) as its
 * envelope, and each malformed message as it came, with headers saying why and which consumer.
 */
export function deadLetterMessages(
  outcome: BatchOutcome,
  malformed: readonly { message: KafkaMessage; reason: string }[],
  consumer: string,
): Message[] {
  return [
    ...outcome.parked.map(({ event, reason, kind }) => ({
      key: event.streamId,
      value: JSON.stringify(event),
      headers: {
        'event-id': event.eventId,
        'event-type': event.type,
        'stream-position': String(event.version),
        'dlq-reason': reason,
        'dlq-kind': kind,
        'dlq-consumer': consumer,
      },
    })),
    ...malformed.map(({ message, reason }) => ({
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        'dlq-reason': reason,
        'dlq-kind': 'malformed',
        'dlq-consumer': consumer,
      },
    })),
  ];
}
