import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import type { StoryStatus } from '../../story/story.values';
import {
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { SetStoryStatus } from './set-story-status.command';

const spec = deciderSpec(storyDecider);

function setStatus(status: StoryStatus): SetStoryStatus {
  return { type: 'SetStoryStatus', storyId: STORY_ID, status, at: T1 };
}

describe('SetStoryStatus', () => {
  it.each<StoryStatus>(['COMPLETED', 'DIRTY'])('sets %s with reason manual', (status) => {
    spec
      .given([storyCreated()])
      .when(setStatus(status))
      .then([{ type: 'StoryStatusChanged', data: { status, reason: 'manual', at: T1 } }]);
  });

  it('can go back to IN_PROGRESS', () => {
    spec
      .given([
        storyCreated(),
        { type: 'StoryStatusChanged', data: { status: 'COMPLETED', reason: 'manual', at: T1 } },
      ])
      .when(setStatus('IN_PROGRESS'))
      .then([{ type: 'StoryStatusChanged', data: { status: 'IN_PROGRESS', reason: 'manual', at: T1 } }]);
  });

  it('emits nothing for the same status', () => {
    spec.given([storyCreated()]).when(setStatus('IN_PROGRESS')).then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(setStatus('COMPLETED'))
        .thenThrows(NotFoundError, /story st-1/);
      spec.given([storyCreated(), storyDeleted()]).when(setStatus('COMPLETED')).thenThrows(NotFoundError);
    });

    it('an unknown status', () => {
      spec
        .given([storyCreated()])
        .when(setStatus('DONE' as StoryStatus))
        .thenThrows(ValidationError);
      expect(
        validationProblemsOf(() =>
          storyDecider.decide(setStatus('DONE' as StoryStatus), foldStory([storyCreated()])),
        ),
      ).toEqual([{ field: 'status', message: 'must be one of IN_PROGRESS, COMPLETED, DIRTY' }]);
    });
  });
});
