import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { STORY_ID, storyCreated, storyDeleted, T1, T2 } from '../../story/testing/story.fixtures';
import type { MarkStoryDirty } from './mark-story-dirty.command';

const spec = deciderSpec(storyDecider);
const markDirty: MarkStoryDirty = { type: 'MarkStoryDirty', storyId: STORY_ID, at: T2 };

describe('MarkStoryDirty', () => {
  it('sets DIRTY with reason artifacts_stale, also on a completed story', () => {
    spec
      .given([storyCreated()])
      .when(markDirty)
      .then([{ type: 'StoryStatusChanged', data: { status: 'DIRTY', reason: 'artifacts_stale', at: T2 } }]);
    spec
      .given([
        storyCreated(),
        { type: 'StoryStatusChanged', data: { status: 'COMPLETED', reason: 'manual', at: T1 } },
      ])
      .when(markDirty)
      .then([{ type: 'StoryStatusChanged', data: { status: 'DIRTY', reason: 'artifacts_stale', at: T2 } }]);
  });

  it('emits nothing for a story that is already DIRTY', () => {
    spec
      .given([
        storyCreated(),
        { type: 'StoryStatusChanged', data: { status: 'DIRTY', reason: 'manual', at: T1 } },
      ])
      .when(markDirty)
      .then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(markDirty)
        .thenThrows(NotFoundError, /story st-1/);
      spec.given([storyCreated(), storyDeleted()]).when(markDirty).thenThrows(NotFoundError);
    });
  });
});
