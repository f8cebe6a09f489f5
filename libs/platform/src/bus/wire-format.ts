import type { BusEvent } from './bus-event';

/** Kafka headers carried by every event message (values are strings). */
export interface EventHeaders {
  readonly 'event-id': string;
  readonly 'event-type': string;
  readonly 'schema-version': string;
  readonly 'stream-position': string;
  readonly 'correlation-id': string;
  readonly 'project-id': string;
}

export function toMessage(event: BusEvent): { key: string; value: string; headers: EventHeaders } {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      'event-id': event.eventId,
      'event-type': event.type,
      'schema-version': String(event.schemaVersion),
      'stream-position': String(event.version),
      'correlation-id': event.metadata.correlationId ?? '',
      'project-id': event.metadata.projectId ?? '',
    },
  };
}

export class MalformedEventError extends Error {
  constructor(reason: string) {
    super(`malformed event message: ${reason}`);
    this.name = 'MalformedEventError';
  }
}

/** Parses and checks a message value; anything malformed is poison, never guessed at. */
export function fromMessageValue(value: Buffer | string | null): BusEvent {
  if (value === null) throw new MalformedEventError('empty value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    throw new MalformedEventError('value is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new MalformedEventError('value is not an object');
  const event = parsed as Partial<BusEvent>;
  const strings = ['eventId', 'streamId', 'streamType', 'type', 'recordedAt', 'service'] as const;
  for (const field of strings) {
    if (typeof event[field] !== 'string' || event[field] === '')
      throw new MalformedEventError(`${field} is missing`);
  }
  if (!Number.isSafeInteger(event.version) || (event.version ?? 0) < 1)
    throw new MalformedEventError('version is not a positive integer');
  if (!Number.isSafeInteger(event.schemaVersion))
    throw new MalformedEventError('schemaVersion is not an integer');
  if (typeof event.data !== 'object' || event.data === null)
    throw new MalformedEventError('data is not an object');
  if (typeof event.metadata !== 'object' || event.metadata === null)
    throw new MalformedEventError('metadata is not an object');
  const position = event.position;
  if (
    !position ||
    typeof position.transactionId !== 'string' ||
    typeof position.globalPosition !== 'string'
  ) {
    throw new MalformedEventError('position is missing');
  }
  return event as BusEvent;
}
