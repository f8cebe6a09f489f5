import type { Decider } from '@app/domain';

/**
 * Given/when/then for deciders:
 *   deciderSpec(storyDecider).given([created]).when(revise).then([revised])
 *   deciderSpec(storyDecider).given([]).when(revise).thenThrows(NotFoundError)
 */
export function deciderSpec<Command, State, Event>(decider: Decider<Command, State, Event>) {
  return {
    given(history: readonly Event[]) {
      const state = history.reduce(
        (current, event) => decider.evolve(current, event),
        decider.initialState(),
      );
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorType: new (...args: never[]) => Error, message?: string | RegExp): void {
              expect(run).toThrow(errorType);
              if (message !== undefined) expect(run).toThrow(message);
            },
            thenState(expected: State): void {
              const events = run();
              expect(events.reduce((current, event) => decider.evolve(current, event), state)).toEqual(
                expected,
              );
            },
          };
        },
      };
    },
  };
}
