import { NotFoundError } from '@app/domain';
import { component } from '../architecture.lookup';
import type { RemoveDependency } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** Removes a dependency that exists. */
export function decideRemoveDependency(
  command: RemoveDependency,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const from = component(state, command.fromId);
  component(state, command.toId);
  if (!from.dependsOn.includes(command.toId))
    throw new NotFoundError('dependency', `${command.fromId}->${command.toId}`);
  return [
    { type: 'DependencyRemoved', data: { fromId: command.fromId, toId: command.toId, at: command.at } },
  ];
}
