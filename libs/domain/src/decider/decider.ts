/**
 * A pure decision model for one stream: `decide` turns a command and the current state into new
 * events (or throws a DomainError), `evolve` folds an event into the state. Neither does I/O:
 * time and ids arrive inside the command.
 */
export interface Decider<Command, State, Event> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  /**
   * Optional: `evolve` over several events at once, for a state that is costly to copy per event.
   * It must give the state `evolve` would, one event after the other, and leave `state` unchanged.
   */
  evolveAll?(state: State, events: readonly Event[]): State;
  initialState(): State;
}

/** `state` with `events` folded on: through `evolveAll` when the decider has one. */
export function evolveAll<State, Event>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'evolveAll'>,
  state: State,
  events: readonly Event[],
): State {
  if (decider.evolveAll) return decider.evolveAll(state, events);
  return events.reduce((folded, event) => decider.evolve(folded, event), state);
}

export function fold<State, Event>(
  decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'evolveAll' | 'initialState'>,
  events: readonly Event[],
): State {
  return evolveAll(decider, decider.initialState(), events);
}

/** Exhaustiveness guard for switch statements over discriminated unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
