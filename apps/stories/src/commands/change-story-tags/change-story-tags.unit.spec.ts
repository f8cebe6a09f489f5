import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import {
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  text,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { ChangeStoryTags } from './change-story-tags.command';

const spec = deciderSpec(storyDecider);

function changeTags(tags: readonly string[]): ChangeStoryTags {
  return { type: 'ChangeStoryTags', storyId: STORY_ID, tags, at: T1 };
}

const problems = (tags: readonly string[]) =>
  validationProblemsOf(() => storyDecider.decide(changeTags(tags), foldStory([storyCreated()])));

describe('ChangeStoryTags', () => {
  it('records the normalized list: trimmed, lower-cased, first occurrence kept', () => {
    spec
      .given([storyCreated()])
      .when(changeTags([' Markdown', 'EXPORT ', 'markdown', 'io']))
      .then([{ type: 'StoryTagsChanged', data: { tags: ['markdown', 'export', 'io'], at: T1 } }]);
  });

  it('can clear the tags', () => {
    spec
      .given([storyCreated()])
      .when(changeTags([]))
      .then([{ type: 'StoryTagsChanged', data: { tags: [], at: T1 } }]);
  });

  it('emits nothing when the normalized list is unchanged', () => {
    spec
      .given([storyCreated()])
      .when(changeTags([' Export', 'export']))
      .then([]);
  });

  it('accepts 20 tags of 50 characters', () => {
    const tags = Array.from({ length: 20 }, (_, i) => `${text(48)}${String(i).padStart(2, '0')}`);
    spec
      .given([storyCreated()])
      .when(changeTags(tags))
      .then([{ type: 'StoryTagsChanged', data: { tags, at: T1 } }]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(changeTags(['a']))
        .thenThrows(NotFoundError, /story st-1/);
      spec
        .given([storyCreated(), storyDeleted()])
        .when(changeTags(['a']))
        .thenThrows(NotFoundError);
    });

    it('an empty tag', () => {
      spec
        .given([storyCreated()])
        .when(changeTags(['a', '  ']))
        .thenThrows(ValidationError, /tags\[1\] must not be empty/);
    });

    it('a tag over 50 characters', () => {
      expect(problems([text(51)])).toEqual([{ field: 'tags[0]', message: 'must be at most 50 characters' }]);
    });

    it('more than 20 tags', () => {
      expect(problems(Array.from({ length: 21 }, (_, i) => `t${i}`))).toEqual([
        { field: 'tags', message: 'a story has at most 20 tags' },
      ]);
    });
  });
});
