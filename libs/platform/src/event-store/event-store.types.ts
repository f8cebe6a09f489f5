import type { EventEnvelope, EventMetadata, GlobalCheckpoint, JsonObject } from '@app/domain';
import type { ExpectedVersion, PublishedEvent, ServicePublication, UpcasterRegistry } from '@app/domain';
import type { SqlExecutor } from '../persistence/sql-executor';

/** The event store's options, results and row shape. */
export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
  /** Defaults to the stream id's prefix (`story-123` → `story`). */
  readonly streamType?: string;
  /** Merged under each event's own metadata. */
  readonly metadata?: EventMetadata;
  /** Run inside the caller's transaction (a handler's read-model writes commit with the append). */
  readonly sql?: SqlExecutor;
}

export interface AppendResult {
  /** The stream's version after the append: pass it as `expectedVersion` next time. */
  readonly nextExpectedVersion: number;
  /** True when every event was already stored at these positions (an idempotent retry). */
  readonly alreadyStored: boolean;
}

export interface ReadStreamOptions {
  readonly fromVersion?: number;
  readonly toVersion?: number;
  readonly direction?: 'forward' | 'backward';
  readonly limit?: number;
  readonly sql?: SqlExecutor;
}

export interface ReadAllResult {
  readonly events: EventEnvelope[];
  /** The position of the last event returned, or `after` when nothing was returned. */
  readonly checkpoint: GlobalCheckpoint;
}

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_type: string;
  stream_position: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: Date;
  published: PublishedEvent | null;
}

export interface EventStoreOptions {
  /** Upcasters applied on read, so old events are seen in their newest shape. */
  readonly upcasters?: UpcasterRegistry;
  /**
   * How the service publishes its events: each append stores the public form next to the event
   * (the transactional outbox), and every bus adapter delivers that form to other services.
   */
  readonly publication?: ServicePublication;
  /**
   * NOTIFY other processes after each append (see AppendAnnouncer), so that their readers wake at
   * once. Default true; a store only read (a consumer's view of another service's store) may skip it.
   */
  readonly announceAppends?: boolean;
}
