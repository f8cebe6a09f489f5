/** JSON that can be stored in a jsonb column. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who did it, and why: carried by every event, propagated from command to event to reaction. */
export interface EventMetadata {
  readonly projectId?: string;
  readonly actor?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  readonly [key: string]: JsonValue | undefined;
}

/** An event a decider produced, before it is stored. */
export interface NewEvent<Type extends string = string, Data extends object = JsonObject> {
  readonly type: Type;
  readonly data: Data;
  /** Supplied for idempotent retries; generated when absent. */
  readonly eventId?: string;
  readonly schemaVersion?: number;
  readonly metadata?: EventMetadata;
}

/** Where an event sits in the store's gap-safe global order. Both fields are decimal strings (int8/xid8). */
export interface GlobalCheckpoint {
  readonly transactionId: string;
  readonly globalPosition: string;
}

export const START_OF_ALL: GlobalCheckpoint = { transactionId: '0', globalPosition: '0' };

/** A stored event: the public envelope. */
export interface EventEnvelope<Type extends string = string, Data extends object = JsonObject> {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  /** Position in its stream, 1-based. */
  readonly version: number;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
  readonly position: GlobalCheckpoint;
  /** The public form the producing service's publication gave it; absent: audit only (see `publication.ts`). */
  readonly published?: PublishedEvent;
}

/**
 * An event in the form other services receive it: a type and data of a public contract (see the
 * `*.contract.ts` files), at a contract schema version. Consumers upcast older versions with an
 * `UpcasterRegistry`; the producer only ever publishes the newest.
 */
export interface PublishedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: JsonObject;
}

/** The events of one stream as its decider knows them: a `type` tag and its `data`. */
export interface TypedEvent {
  readonly type: string;
  readonly data: object;
}

/** A stored event of a known union: its envelope, narrowed by `type` like the union itself. */
export type StoredEvent<E extends TypedEvent> = E extends unknown
  ? EventEnvelope<E['type'], E['data']>
  : never;

export function compareCheckpoints(a: GlobalCheckpoint, b: GlobalCheckpoint): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const pos = BigInt(a.globalPosition) - BigInt(b.globalPosition);
  return pos === 0n ? 0 : pos < 0n ? -1 : 1;
}

const TRAILING_UUID = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stream type by convention `<type>-<id>`: `story-<uuid>` → `story`, `sandbox-run-<uuid>` →
 * `sandbox-run`. An id that does not end in a UUID splits at its first dash.
 */
export function streamTypeOf(streamId: string): string {
  const uuid = TRAILING_UUID.exec(streamId);
  if (uuid && uuid.index > 0) return streamId.slice(0, uuid.index);
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}

/**
 * A stored event as the event its decider emitted: its type and data. Sound because each stream
 * has one writer (its decider), whose union `E` the caller names when reading the stream.
 */
export function asDecided<E extends TypedEvent>(envelope: StoredEvent<E>): E {
  const event: TypedEvent = { type: envelope.type, data: envelope.data };
  return event as E;
}
