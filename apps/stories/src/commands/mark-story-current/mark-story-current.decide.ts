import type { StoryStatusChanged } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { MarkStoryCurrent } from './mark-story-current.command';

/** DIRTY → IN_PROGRESS with reason `artifacts_current`; any other status (a person's choice) stays. */
export function decideMarkStoryCurrent(command: MarkStoryCurrent, state: StoryState): StoryStatusChanged[] {
  const story = requireLiveStory(state, command.storyId);
  if (story.status !== 'DIRTY') return [];
  return [
    {
      type: 'StoryStatusChanged',
      data: { status: 'IN_PROGRESS', reason: 'artifacts_current', at: command.at },
    },
  ];
}
