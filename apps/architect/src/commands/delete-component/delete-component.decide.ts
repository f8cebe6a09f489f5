import { DomainError } from '@app/domain';
import { component } from '../../architecture/architecture.lookup';
import type { DeleteComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { staleByGraphChange } from '../../architecture/went-stale';

/**
 * Deletes a component. A component an automated session works on is refused, even with `force`
 * (cancel the session first). A context with components is refused (delete them first). Linked stories and
 * dependents are refused with CONFLICT naming them, unless `force`: then each story is unlinked and
 * each dependency to or from it removed, by events of their own before `ComponentDeleted`, so every
 * consumer (the stories service) follows.
 */
export function decideDeleteComponent(
  command: DeleteComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  const running = command.runningSessions ?? [];
  if (running.length > 0)
    throw new DomainError(
      'CONFLICT',
      `${target.name} cannot be deleted while ${running.length === 1 ? 'a session works' : `${running.length} sessions work`} on it (${running.map((s) => `${s.sessionType} session ${s.sessionId}`).join(', ')}); cancel ${running.length === 1 ? 'it' : 'them'} or wait for ${running.length === 1 ? 'it' : 'them'} to end`,
      { sessionIds: running.map((s) => s.sessionId) },
    );
  const all = [...state.components.values()];
  const children = all.filter((c) => c.parentId === target.id);
  if (children.length > 0)
    throw new DomainError(
      'CONFLICT',
      `${target.name} still has the components ${children.map((c) => c.name).join(', ')}; delete them first`,
      { components: children.map((c) => c.name) },
    );
  const dependents = all.filter((c) => c.dependsOn.includes(target.id));
  if (!command.force && (dependents.length > 0 || target.storyIds.length > 0)) {
    const reasons = [
      ...(dependents.length > 0 ? [`it is depended on by ${dependents.map((c) => c.name).join(', ')}`] : []),
      ...(target.storyIds.length > 0
        ? [
            `${target.storyIds.length === 1 ? '1 story is' : `${target.storyIds.length} stories are`} linked to it`,
          ]
        : []),
    ];
    throw new DomainError(
      'CONFLICT',
      `${target.name} cannot be deleted: ${reasons.join('; ')}. Pass force: true to unlink and delete`,
      {
        dependents: dependents.map((c) => c.name),
        storyIds: target.storyIds,
      },
    );
  }
  const at = command.at;
  const removed = [
    ...dependents.map((c) => ({ fromId: c.id, toId: target.id })),
    ...target.dependsOn.map((toId) => ({ fromId: target.id, toId })),
  ];
  const decided: ArchitectureEvent[] = [
    ...target.storyIds.map((storyId): ArchitectureEvent => ({
      type: 'StoryUnmappedFromComponent',
      data: { storyId, componentId: target.id, at },
    })),
    ...removed.map((edge): ArchitectureEvent => ({ type: 'DependencyRemoved', data: { ...edge, at } })),
  ];
  // A dependent's design was written against the deleted component.
  for (const dependent of dependents)
    decided.push(
      ...staleByGraphChange(state, decided, dependent, {
        kind: 'DEPENDENCY_CHANGED',
        summary: `${target.name}, which ${dependent.name} depended on, was deleted`,
        at,
      }),
    );
  return [
    ...decided,
    {
      type: 'ComponentDeleted',
      data: {
        componentId: target.id,
        name: target.name,
        forced: command.force,
        unlinkedStoryIds: target.storyIds,
        removedDependencies: removed,
        at,
      },
    },
  ];
}
