import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import { STORY_ID, storyCreated, storyDeleted, T1 } from '../../story/testing/story.fixtures';
import type { DeleteStory } from './delete-story.command';

const spec = deciderSpec(storyDecider);
const deleteStory: DeleteStory = { type: 'DeleteStory', storyId: STORY_ID, at: T1 };

describe('DeleteStory', () => {
  it('deletes the story', () => {
    spec
      .given([storyCreated()])
      .when(deleteStory)
      .then([{ type: 'StoryDeleted', data: { at: T1 } }]);
    expect(foldStory([storyCreated(), storyDeleted(T1)])).toMatchObject({
      deletedAt: T1,
      updatedAt: T1,
      version: 2,
    });
  });

  describe('rejects', () => {
    it('a missing story', () => {
      spec.given([]).when(deleteStory).thenThrows(NotFoundError, `story ${STORY_ID} was not found`);
    });

    it('a story that is already deleted', () => {
      spec.given([storyCreated(), storyDeleted()]).when(deleteStory).thenThrows(NotFoundError);
    });
  });
});
