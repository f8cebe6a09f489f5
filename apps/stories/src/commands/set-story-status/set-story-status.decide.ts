import type { StoryStatusChanged } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { rejectIfInvalid } from '../../story/story.validation';
import { isStoryStatus, STORY_STATUSES } from '../../story/story.values';
import type { SetStoryStatus } from './set-story-status.command';

/** Nothing when the status is unchanged. */
export function decideSetStoryStatus(command: SetStoryStatus, state: StoryState): StoryStatusChanged[] {
  const story = requireLiveStory(state, command.storyId);
  if (!isStoryStatus(command.status))
    rejectIfInvalid('status', [{ field: 'status', message: `must be one of ${STORY_STATUSES.join(', ')}` }]);
  if (command.status === story.status) return [];
  return [{ type: 'StoryStatusChanged', data: { status: command.status, reason: 'manual', at: command.at } }];
}
