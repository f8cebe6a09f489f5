import type { StoryStatusChanged } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { MarkStoryDirty } from './mark-story-dirty.command';

/** Status DIRTY with reason `artifacts_stale`; nothing when the story is already DIRTY. */
export function decideMarkStoryDirty(command: MarkStoryDirty, state: StoryState): StoryStatusChanged[] {
  const story = requireLiveStory(state, command.storyId);
  if (story.status === 'DIRTY') return [];
  return [
    { type: 'StoryStatusChanged', data: { status: 'DIRTY', reason: 'artifacts_stale', at: command.at } },
  ];
}
