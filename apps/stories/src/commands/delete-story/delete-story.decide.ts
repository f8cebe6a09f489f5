import type { StoryDeleted } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { DeleteStory } from './delete-story.command';

/** After this, every command on the story is NotFoundError (deleting again included). */
export function decideDeleteStory(command: DeleteStory, state: StoryState): StoryDeleted[] {
  requireLiveStory(state, command.storyId);
  return [{ type: 'StoryDeleted', data: { at: command.at } }];
}
