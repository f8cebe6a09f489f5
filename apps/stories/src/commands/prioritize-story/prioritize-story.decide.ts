import type { StoryPrioritized } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { rejectIfInvalid } from '../../story/story.validation';
import { isStoryPriority, STORY_PRIORITIES } from '../../story/story.values';
import type { PrioritizeStory } from './prioritize-story.command';

/** Nothing when the priority is unchanged. */
export function decidePrioritizeStory(command: PrioritizeStory, state: StoryState): StoryPrioritized[] {
  const story = requireLiveStory(state, command.storyId);
  if (!isStoryPriority(command.priority))
    rejectIfInvalid('priority', [
      { field: 'priority', message: `must be one of ${STORY_PRIORITIES.join(', ')}` },
    ]);
  if (command.priority === story.priority) return [];
  return [{ type: 'StoryPrioritized', data: { priority: command.priority, at: command.at } }];
}
