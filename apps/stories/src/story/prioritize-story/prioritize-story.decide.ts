import type { StoryPrioritized } from '../story.events';
import type { StoryState } from '../story.state';
import { requireLiveStory } from '../story.state';
import { rejectIfInvalid } from '../story.validation';
import { isStoryPriority, STORY_PRIORITIES } from '../story.values';
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
