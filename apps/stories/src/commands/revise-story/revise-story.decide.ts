import type { StoryRevised } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { normalizeLine, normalizeDescription } from '@app/domain';
import { descriptionProblems, rejectIfInvalid, titleProblems } from '../../story/story.validation';
import type { ReviseStory } from './revise-story.command';

/** New title and description; nothing when both are unchanged (after normalization). */
export function decideReviseStory(command: ReviseStory, state: StoryState): StoryRevised[] {
  const story = requireLiveStory(state, command.storyId);
  const title = normalizeLine(command.title);
  const description = normalizeDescription(command.description);
  rejectIfInvalid('story', [...titleProblems(title), ...descriptionProblems(description)]);
  if (title === story.title && description === story.description) return [];
  return [{ type: 'StoryRevised', data: { title, description, revisedAt: command.at } }];
}
