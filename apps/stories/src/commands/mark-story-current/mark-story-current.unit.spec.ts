import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryEvent } from '../../story/story.events';
import { STORY_ID, storyCreated, T1, T2 } from '../../story/testing/story.fixtures';

const spec = deciderSpec(storyDecider);
const dirty: StoryEvent = {
  type: 'StoryStatusChanged',
  data: { status: 'DIRTY', reason: 'artifacts_stale', at: T1 },
};
const current = { type: 'MarkStoryCurrent' as const, storyId: STORY_ID, at: T2 };

describe('MarkStoryCurrent', () => {
  it('takes a DIRTY story back to IN_PROGRESS', () => {
    spec
      .given([storyCreated(), dirty])
      .when(current)
      .then([
        { type: 'StoryStatusChanged', data: { status: 'IN_PROGRESS', reason: 'artifacts_current', at: T2 } },
      ]);
  });

  it('leaves any other status as it is', () => {
    spec.given([storyCreated()]).when(current).then([]);
    spec
      .given([
        storyCreated(),
        { type: 'StoryStatusChanged', data: { status: 'COMPLETED', reason: 'manual', at: T1 } },
      ])
      .when(current)
      .then([]);
  });
});
