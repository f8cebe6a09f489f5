import { component } from '../../architecture/architecture.lookup';
import type { MarkComponentDirty } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';

/**
 * Only a change after the design was accepted makes the artifacts stale. Once dirty, it stays dirty
 * until a new design is accepted, and every further change is recorded as one more cause.
 */
export function decideMarkComponentDirty(
  command: MarkComponentDirty,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if (!target.storyIds.includes(command.storyId) || target.acceptedAt === null) return [];
  if (Date.parse(command.revisedAt) < Date.parse(target.acceptedAt)) return [];
  const source = `story-${command.storyId}`;
  if (target.dirtyCauses.some((c) => c.source === source && c.version === command.storyVersion)) return [];
  return [
    {
      type: 'ComponentMarkedDirty',
      data: {
        componentId: target.id,
        componentName: target.name,
        storyId: command.storyId,
        storyVersion: command.storyVersion,
        reason: `${command.cause.summary} (story version ${command.storyVersion}, after design version ${target.acceptedDesignVersion} was accepted)`,
        cause: {
          kind: command.cause.kind,
          source,
          version: command.storyVersion,
          at: command.revisedAt,
          summary: command.cause.summary,
        },
        at: command.at,
      },
    },
  ];
}
