import type { StoryTagsChanged } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { normalizeTags, rejectIfInvalid } from '../../story/story.validation';
import type { ChangeStoryTags } from './change-story-tags.command';

/** Replaces the tags; nothing when the normalized list equals the current one (order included). */
export function decideChangeStoryTags(command: ChangeStoryTags, state: StoryState): StoryTagsChanged[] {
  const story = requireLiveStory(state, command.storyId);
  const { tags, problems } = normalizeTags(command.tags);
  rejectIfInvalid('tags', problems);
  const unchanged = tags.length === story.tags.length && tags.every((tag, i) => tag === story.tags[i]);
  if (unchanged) return [];
  return [{ type: 'StoryTagsChanged', data: { tags, at: command.at } }];
}
