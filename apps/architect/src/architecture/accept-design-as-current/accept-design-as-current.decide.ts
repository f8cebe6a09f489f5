import { DomainError, ValidationError } from '@app/domain';
import { component } from '../architecture.lookup';
import type { AcceptDesignAsCurrent } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** Waives a DIRTY component's causes with a reason; a component that is not DIRTY has nothing to waive. */
export function decideAcceptDesignAsCurrent(
  command: AcceptDesignAsCurrent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  const reason = command.reason.trim();
  if (reason.length === 0 || reason.length > 1_000)
    throw new ValidationError('say why the change needs no rework', [
      { field: 'reason', message: 'must be 1 to 1000 characters' },
    ]);
  if (!target.dirty)
    throw new DomainError('CONFLICT', `${target.name} is not DIRTY: there is no change to accept`, {
      componentId: target.id,
    });
  return [
    {
      type: 'ComponentDirtinessWaived',
      data: { componentId: target.id, reason, waivedCauses: target.dirtyCauses, at: command.at },
    },
    {
      type: 'ComponentDirtinessCleared',
      data: {
        componentId: target.id,
        componentName: target.name,
        storyIds: target.storyIds,
        how: 'WAIVED',
        at: command.at,
      },
    },
  ];
}
