import { validateNewDependency } from '../../graph/dependency-cycle';
import { graphOf } from '../architecture.lookup';
import type { AddDependency } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** A dependency between two components of the project; a cycle of any length is refused. */
export function decideAddDependency(command: AddDependency, state: ArchitectureState): ArchitectureEvent[] {
  const { components, dependencies } = graphOf(state);
  validateNewDependency(components, dependencies, command.fromId, command.toId);
  return [{ type: 'DependencyAdded', data: { fromId: command.fromId, toId: command.toId, at: command.at } }];
}
