import { component } from '../../architecture/architecture.lookup';
import type { UnmapStoryFromComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { staleByGraphChange } from '../../architecture/went-stale';

/** Unlinks a story (unlinking one that is not linked changes nothing); an accepted design goes DIRTY (`STORY_UNLINKED`). */
export function decideUnmapStoryFromComponent(
  command: UnmapStoryFromComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if (!target.storyIds.includes(command.storyId)) return [];
  const decided: ArchitectureEvent[] = [
    {
      type: 'StoryUnmappedFromComponent',
      data: { storyId: command.storyId, componentId: target.id, at: command.at },
    },
  ];
  const story = command.storyTitle ? `"${command.storyTitle}"` : `story ${command.storyId}`;
  return [
    ...decided,
    ...staleByGraphChange(state, decided, target, {
      kind: 'STORY_UNLINKED',
      summary: `${story} was unlinked from ${target.name} after its design was accepted`,
      storyIds: target.storyIds.filter((id) => id !== command.storyId),
      at: command.at,
    }),
  ];
}
