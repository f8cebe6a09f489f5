import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryEvent } from '../../story/story.events';
import { STORY_ID, storyCreated, T1, T2 } from '../../story/testing/story.fixtures';

const spec = deciderSpec(storyDecider);
const complete = { type: 'CompleteVerifiedStory' as const, storyId: STORY_ID, at: T2 };

describe('CompleteVerifiedStory', () => {
  it('completes a verified story, from IN_PROGRESS or DIRTY', () => {
    const completed: StoryEvent = {
      type: 'StoryStatusChanged',
      data: { status: 'COMPLETED', reason: 'verified', at: T2 },
    };
    spec.given([storyCreated()]).when(complete).then([completed]);
    spec
      .given([
        storyCreated(),
        { type: 'StoryStatusChanged', data: { status: 'DIRTY', reason: 'artifacts_stale', at: T1 } },
      ])
      .when(complete)
      .then([completed]);
  });

  it('changes nothing on a story already COMPLETED', () => {
    spec
      .given([
        storyCreated(),
        { type: 'StoryStatusChanged', data: { status: 'COMPLETED', reason: 'manual', at: T1 } },
      ])
      .when(complete)
      .then([]);
  });
});
