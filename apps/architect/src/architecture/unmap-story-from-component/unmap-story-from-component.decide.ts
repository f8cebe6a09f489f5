import { component } from '../architecture.lookup';
import type { UnmapStoryFromComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** Unlinks a story (unlinking one that is not linked changes nothing). */
export function decideUnmapStoryFromComponent(
  command: UnmapStoryFromComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if (!target.storyIds.includes(command.storyId)) return [];
  return [
    {
      type: 'StoryUnmappedFromComponent',
      data: { storyId: command.storyId, componentId: target.id, at: command.at },
    },
  ];
}
