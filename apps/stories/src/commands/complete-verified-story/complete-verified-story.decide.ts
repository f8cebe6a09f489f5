import type { StoryStatusChanged } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { CompleteVerifiedStory } from './complete-verified-story.command';

/** COMPLETED with reason `verified`; nothing when it already is COMPLETED. */
export function decideCompleteVerifiedStory(
  command: CompleteVerifiedStory,
  state: StoryState,
): StoryStatusChanged[] {
  const story = requireLiveStory(state, command.storyId);
  if (story.status === 'COMPLETED') return [];
  return [{ type: 'StoryStatusChanged', data: { status: 'COMPLETED', reason: 'verified', at: command.at } }];
}
