import type { StoryUnlinkedFromComponent } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { UnlinkStoryFromComponent } from './unlink-story-from-component.command';

/**
 * Nothing when the story is not linked to that component (it may already have been relinked
 * elsewhere), so replayed or late unlinks are harmless.
 */
export function decideUnlinkStoryFromComponent(
  command: UnlinkStoryFromComponent,
  state: StoryState,
): StoryUnlinkedFromComponent[] {
  const story = requireLiveStory(state, command.storyId);
  if (story.component?.id !== command.componentId) return [];
  return [{ type: 'StoryUnlinkedFromComponent', data: { componentId: command.componentId, at: command.at } }];
}
