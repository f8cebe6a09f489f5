import { NotFoundError } from '@app/domain';
import { component } from '../../architecture/architecture.lookup';
import type { RemoveDependency } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { staleByGraphChange } from '../../architecture/went-stale';

/** Removes a dependency that exists; the dependent's accepted design goes DIRTY (`DEPENDENCY_CHANGED`). */
export function decideRemoveDependency(
  command: RemoveDependency,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const from = component(state, command.fromId);
  const to = component(state, command.toId);
  if (!from.dependsOn.includes(command.toId))
    throw new NotFoundError('dependency', `${command.fromId}->${command.toId}`);
  const decided: ArchitectureEvent[] = [
    { type: 'DependencyRemoved', data: { fromId: command.fromId, toId: command.toId, at: command.at } },
  ];
  return [
    ...decided,
    ...staleByGraphChange(state, decided, from, {
      kind: 'DEPENDENCY_CHANGED',
      summary: `${from.name} no longer depends on ${to.name}`,
      at: command.at,
    }),
  ];
}
