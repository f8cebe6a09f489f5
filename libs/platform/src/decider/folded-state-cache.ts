import { asDecided, evolveAll } from '@app/domain';
import type { TypedEvent } from '@app/domain';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import type { SqlExecutor } from '../persistence/sql-executor';

export interface FoldedState<State> {
  readonly state: State;
  /** The stream's version the state was folded to (0: no events). */
  readonly version: number;
}

interface Entry<State> extends FoldedState<State> {
  /** The id of the event at `version`: a rolled-back or rewritten position is noticed by it. */
  readonly lastEventId: string;
}

export interface FoldedStateCacheOptions<State, Event> {
  readonly initialState: () => State;
  /** Pure and non-mutating: a cached state is folded on again by the next read. */
  readonly evolve: (state: State, event: Event) => State;
  /** Several events at once (see `Decider.evolveAll`); `evolve` in turn when absent. */
  readonly evolveAll?: (state: State, events: readonly Event[]) => State;
  /** Streams remembered at most (the least recently read go first). */
  readonly maxStreams?: number;
  /** Streams shorter than this are folded anew each time: cheap, and not worth the memory. */
  readonly minEvents?: number;
}

/**
 * A stream's folded state, kept in memory and caught up on each read with only the events after
 * it, so that a long stream (a project's architecture) is not folded from its first event on every
 * command and query. Each read asks the store from the cached version on, and starts over when the
 * event at that version is not the one folded (a transaction that read its own write rolled back):
 * the store stays the truth, and several instances of a service each keep their own cache safely.
 */
export class FoldedStateCache<State, Event extends TypedEvent> {
  private readonly entries = new Map<string, Entry<State>>();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: FoldedStateCacheOptions<State, Event>,
  ) {}

  async load(streamId: string, sql?: SqlExecutor): Promise<FoldedState<State>> {
    const cached = this.entries.get(streamId);
    if (cached) {
      this.entries.delete(streamId);
      const events = await this.store.readStream<Event>(streamId, { sql, fromVersion: cached.version });
      if (events[0]?.eventId === cached.lastEventId) return this.fold(streamId, cached, events.slice(1));
    }
    const events = await this.store.readStream<Event>(streamId, { sql });
    return this.fold(streamId, { state: this.options.initialState(), version: 0, lastEventId: '' }, events);
  }

  private fold(
    streamId: string,
    from: Entry<State>,
    events: Awaited<ReturnType<PostgresEventStore['readStream']>>,
  ): FoldedState<State> {
    const state = evolveAll(
      this.options,
      from.state,
      events.map((envelope) => asDecided<Event>(envelope as never)),
    );
    const last = events[events.length - 1];
    const entry = last ? { state, version: last.version, lastEventId: last.eventId } : from;
    if (entry.version >= (this.options.minEvents ?? 20)) {
      this.entries.set(streamId, entry);
      const oldest = this.entries.keys().next();
      if (this.entries.size > (this.options.maxStreams ?? 200) && !oldest.done)
        this.entries.delete(oldest.value);
    }
    return { state: entry.state, version: entry.version };
  }
}
