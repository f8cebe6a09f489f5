import { validateNewDependency } from '../../graph/dependency-cycle';
import { component, graphOf } from '../../architecture/architecture.lookup';
import { staleByGraphChange } from '../../architecture/went-stale';
import type { AddDependency } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';

/**
 * A dependency between two components of the project; a cycle of any length is refused. The
 * dependent's accepted design goes DIRTY (`DEPENDENCY_CHANGED`): it was written without it.
 */
export function decideAddDependency(command: AddDependency, state: ArchitectureState): ArchitectureEvent[] {
  const { components, dependencies } = graphOf(state);
  validateNewDependency(components, dependencies, command.fromId, command.toId);
  const decided: ArchitectureEvent[] = [
    { type: 'DependencyAdded', data: { fromId: command.fromId, toId: command.toId, at: command.at } },
  ];
  const from = component(state, command.fromId);
  const to = component(state, command.toId);
  return [
    ...decided,
    ...staleByGraphChange(state, decided, from, {
      kind: 'DEPENDENCY_CHANGED',
      summary: `${from.name} now depends on ${to.name}`,
      at: command.at,
    }),
  ];
}
