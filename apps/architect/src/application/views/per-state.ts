import type { ArchitectureState } from '../../architecture/architecture.state';

/**
 * A value worked out once per folded architecture state: the state cache hands back the same object
 * until its stream moves, so what is derived from it (a view, an index) is derived once per change.
 */
export function perState<T>(derive: (state: ArchitectureState) => T): (state: ArchitectureState) => T {
  const derived = new WeakMap<ArchitectureState, T>();
  return (state) => {
    if (!derived.has(state)) derived.set(state, derive(state));
    return derived.get(state)!;
  };
}
