import type { TypedEvent } from '@app/domain';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import type { SqlExecutor } from '../persistence/sql-executor';
import type { FoldedState, FoldedStateCache } from './folded-state-cache';
import type { Fold } from './shared-states';
import { sharedStates } from './shared-states';

/**
 * Reads streams' states for queries and reactions, from the same cached fold the stream's
 * `CommandHandler` keeps: the read side needs the fold (evolve), never the decisions.
 */
export class StateReader<State, Event extends TypedEvent> {
  private readonly states: FoldedStateCache<State, Event>;

  constructor(store: PostgresEventStore, fold: Fold<State, Event>) {
    this.states = sharedStates(store, fold);
  }

  /** The stream's current state and version (folded on from the last read). */
  load(streamId: string, sql?: SqlExecutor): Promise<FoldedState<State>> {
    return this.states.load(streamId, sql);
  }
}
