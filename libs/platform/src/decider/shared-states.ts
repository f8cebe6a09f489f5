import type { Decider, TypedEvent } from '@app/domain';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import { FoldedStateCache } from './folded-state-cache';

/** The reading half of a decider: enough to fold a stream into its state. */
export type Fold<State, Event> = Pick<
  Decider<unknown, State, Event>,
  'evolve' | 'evolveAll' | 'initialState'
>;

/** Per store, each fold's cache (keyed by its `evolve`: a decider and its fold alone share one). */
const statesByStore = new WeakMap<PostgresEventStore, WeakMap<object, object>>();

/**
 * One cache per store and fold, however many handlers and readers a service builds (the
 * architect's commands, queries and reactions each have one): a long stream is folded and kept once.
 */
export function sharedStates<State, Event extends TypedEvent>(
  store: PostgresEventStore,
  fold: Fold<State, Event>,
): FoldedStateCache<State, Event> {
  let byFold = statesByStore.get(store);
  if (!byFold) statesByStore.set(store, (byFold = new WeakMap()));
  let states = byFold.get(fold.evolve) as FoldedStateCache<State, Event> | undefined;
  if (!states) {
    states = new FoldedStateCache<State, Event>(store, fold);
    byFold.set(fold.evolve, states);
  }
  return states;
}
