import type { EntityManager } from 'typeorm';
import type { SqlExecutor } from '../persistence/sql-executor';
import type { BusEvent } from './bus-event';

export interface ProjectionContext {
  /** The transaction of the batch: the read-model write and the applied version commit together. */
  readonly sql: SqlExecutor;
  /** Qualified name of one of the projection's tables: the live table, or its copy during a replay. */
  readonly table: (name: string) => string;
  /**
   * TypeORM's entity manager in the same transaction. Read-model entities name no schema: the
   * search path finds the live tables, or during a replay their copies in the replay schema.
   */
  readonly manager: EntityManager;
}

export type EventHandler = (event: BusEvent, context: ProjectionContext) => Promise<void>;

/** Applies a run of events, in their order, with a few statements (multi-row writes) instead of one each. */
export type RunHandler = (events: readonly BusEvent[], context: ProjectionContext) => Promise<void>;

/** Which events a projection reads: the stream types (aggregates) of one producing service. */
export interface EventSourceSpec {
  readonly service: string;
  readonly streamTypes: readonly string[];
}

/**
 * A read model fed by the bus. Handlers may only write data derived from the event (never
 * `now()` or random ids), so that a replay from offset 0 rebuilds the same rows.
 */
export interface Projection {
  /** Unique across the system, e.g. `gateway.timeline`. */
  readonly name: string;
  /** Schema holding its tables (the consuming service's schema). */
  readonly schema: string;
  readonly tables: readonly string[];
  readonly sources: readonly EventSourceSpec[];
  /**
   * `read-model` (the default) only writes its tables and can be rebuilt by a replay; a `reaction`
   * appends events of its own (exactly once per source event) and is never replayed.
   */
  readonly kind?: 'read-model' | 'reaction';
  /** Per event type; `*` receives every event of the sources. */
  readonly handlers: Readonly<Record<string, EventHandler>>;
  /**
   * When set, it receives every event of the sources instead of `handlers`: the whole run a batch
   * holds for it at once (after the other projections' handlers of that batch ran), or a run of
   * one when events are retried one by one. It must not read another projection's tables.
   */
  readonly handleRun?: RunHandler;
}

/** The projection reads this event's stream: its position is tracked, whether or not a handler runs. */
export function projectionTracks(
  projection: Projection,
  event: Pick<BusEvent, 'service' | 'streamType'>,
): boolean {
  return projection.sources.some(
    (source) => source.service === event.service && source.streamTypes.includes(event.streamType),
  );
}

/** The projection has a handler for this event. */
export function projectionHandles(
  projection: Projection,
  event: Pick<BusEvent, 'service' | 'streamType' | 'type'>,
): boolean {
  return (
    projectionTracks(projection, event) &&
    (projection.handleRun !== undefined || event.type in projection.handlers || '*' in projection.handlers)
  );
}
