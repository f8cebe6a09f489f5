import { component } from '../architecture.lookup';
import type { MarkComponentDirty } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** Only a revision after the design was accepted makes the artifacts stale; once dirty, it stays dirty. */
export function decideMarkComponentDirty(
  command: MarkComponentDirty,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  // Only a revision after the design was accepted makes the artifacts stale; once dirty, it stays dirty.
  if (!target.storyIds.includes(command.storyId) || target.acceptedAt === null || target.dirty) return [];
  if (Date.parse(command.revisedAt) < Date.parse(target.acceptedAt)) return [];
  return [
    {
      type: 'ComponentMarkedDirty',
      data: {
        componentId: target.id,
        componentName: target.name,
        storyId: command.storyId,
        storyVersion: command.storyVersion,
        reason: `story revised (version ${command.storyVersion}) after design version ${target.acceptedDesignVersion} was accepted`,
        at: command.at,
      },
    },
  ];
}
