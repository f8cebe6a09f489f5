import { DomainError } from '../errors/domain-error';
import type { Decider } from './decider';

/** Records one fact on a stream of its own (a sandbox run, an issued prompt, a review). */
export interface RecordFact<E> {
  readonly type: 'RecordFact';
  readonly event: E;
}

export interface RecordedState {
  readonly recorded: boolean;
}

/**
 * The decider of a stream that holds exactly one fact: the command carries the fact (ids and
 * time came in with it), and a second recording is refused as a CONFLICT — a fact, once
 * recorded, is never rewritten.
 */
export function recordOnceDecider<E>(what: string): Decider<RecordFact<E>, RecordedState, E> {
  return {
    decide: (command, state) => {
      if (state.recorded) throw new DomainError('CONFLICT', `the ${what} is already recorded`);
      return [command.event];
    },
    evolve: () => ({ recorded: true }),
    initialState: () => ({ recorded: false }),
  };
}
