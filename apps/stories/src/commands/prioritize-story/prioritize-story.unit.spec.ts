import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import type { StoryPriority } from '../../story/story.values';
import {
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { PrioritizeStory } from './prioritize-story.command';

const spec = deciderSpec(storyDecider);

function prioritize(priority: StoryPriority): PrioritizeStory {
  return { type: 'PrioritizeStory', storyId: STORY_ID, priority, at: T1 };
}

describe('PrioritizeStory', () => {
  it('records the new priority', () => {
    spec
      .given([storyCreated()])
      .when(prioritize('CRITICAL'))
      .then([{ type: 'StoryPrioritized', data: { priority: 'CRITICAL', at: T1 } }]);
    spec
      .given([storyCreated()])
      .when(prioritize('LOW'))
      .thenState({
        ...foldStory([storyCreated()])!,
        priority: 'LOW',
        updatedAt: T1,
        version: 2,
      });
  });

  it('emits nothing for the same priority', () => {
    spec.given([storyCreated()]).when(prioritize('MEDIUM')).then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(prioritize('HIGH'))
        .thenThrows(NotFoundError, /story st-1/);
      spec.given([storyCreated(), storyDeleted()]).when(prioritize('HIGH')).thenThrows(NotFoundError);
    });

    it('an unknown priority', () => {
      spec
        .given([storyCreated()])
        .when(prioritize('URGENT' as StoryPriority))
        .thenThrows(ValidationError);
      expect(
        validationProblemsOf(() =>
          storyDecider.decide(prioritize('urgent' as StoryPriority), foldStory([storyCreated()])),
        ),
      ).toEqual([{ field: 'priority', message: 'must be one of LOW, MEDIUM, HIGH, CRITICAL' }]);
    });
  });
});
