import { ConcurrencyError, evolveAll } from '@app/domain';
import type { EventMetadata, JsonObject } from '@app/domain';
import type { ExpectedVersion } from '@app/domain';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import type { SqlExecutor } from '../persistence/sql-executor';
import type { Decider } from '@app/domain';
import type { FoldedState, FoldedStateCache } from './folded-state-cache';
import { sharedStates } from './shared-states';

/** The shape deciders emit: a type tag and a data payload. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

export interface HandleOptions {
  readonly metadata?: EventMetadata;
  /**
   * A version the caller read earlier (e.g. `reviseStory.expectedVersion`). When given, a
   * conflict is reported instead of retried: the caller decided on state that is now stale.
   */
  readonly expectedVersion?: number;
  readonly sql?: SqlExecutor;
  /** Event ids for the produced events, in order, for idempotent retries by the caller. */
  readonly eventIds?: readonly string[];
}

export interface HandleResult<State, Event> {
  readonly state: State;
  readonly events: readonly Event[];
  readonly version: number;
}

/**
 * Load a stream, fold it (from the cached fold on), decide, append with the version that was read (or the one the caller
 * pinned). A conflict surfaces as a ConcurrencyError; `withUnitOfWork` runs the whole transaction
 * again for commands that pinned no version, so the decision is always made on fresh state.
 */
export class CommandHandler<Command, State, Event extends DomainEvent> {
  private readonly states: FoldedStateCache<State, Event>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly decider: Decider<Command, State, Event>,
  ) {
    this.states = sharedStates(store, decider);
  }

  /** The stream's current state (folded on from the last read: see `FoldedStateCache`). */
  load(streamId: string, sql?: SqlExecutor): Promise<FoldedState<State>> {
    return this.states.load(streamId, sql);
  }

  async handle(
    streamId: string,
    command: Command,
    options: HandleOptions = {},
  ): Promise<HandleResult<State, Event>> {
    const loaded = await this.states.load(streamId, options.sql);
    const version = loaded.version;
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, options.expectedVersion, version);
    }
    const state = loaded.state;
    const events = this.decider.decide(command, state);
    if (events.length === 0) return { state, events, version };
    const expected: ExpectedVersion = version === 0 ? 'no_stream' : version;
    const { nextExpectedVersion } = await this.store.append(
      streamId,
      events.map((event, index) => ({
        type: event.type,
        data: event.data as JsonObject,
        eventId: options.eventIds?.[index],
      })),
      { expectedVersion: expected, metadata: options.metadata, sql: options.sql },
    );
    return { state: evolveAll(this.decider, state, events), events, version: nextExpectedVersion };
  }
}
