import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import { STORY_ID, storyCreated, storyDeleted, T1, T2 } from '../../story/testing/story.fixtures';
import type { VerifyAcceptanceCriterion } from './verify-acceptance-criterion.command';

const spec = deciderSpec(storyDecider);

function verify(criterionId = 'ac-2', at = T1): VerifyAcceptanceCriterion {
  return { type: 'VerifyAcceptanceCriterion', storyId: STORY_ID, criterionId, at };
}

describe('VerifyAcceptanceCriterion', () => {
  it('marks the criterion verified', () => {
    spec
      .given([storyCreated()])
      .when(verify())
      .then([{ type: 'AcceptanceCriterionVerified', data: { criterionId: 'ac-2', at: T1 } }]);
    const events = storyDecider.decide(verify(), foldStory([storyCreated()]));
    expect(foldStory([storyCreated(), ...events])?.acceptanceCriteria.map((c) => c.verified)).toEqual([
      false,
      true,
    ]);
  });

  it('emits nothing for a criterion that is already verified', () => {
    spec
      .given([storyCreated(), { type: 'AcceptanceCriterionVerified', data: { criterionId: 'ac-2', at: T1 } }])
      .when(verify('ac-2', T2))
      .then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(verify())
        .thenThrows(NotFoundError, /story st-1/);
      spec
        .given([storyCreated(), storyDeleted()])
        .when(verify())
        .thenThrows(NotFoundError, /story st-1/);
    });

    it('an unknown criterion id', () => {
      spec
        .given([storyCreated()])
        .when(verify('nope'))
        .thenThrows(NotFoundError, 'acceptance criterion nope was not found');
    });
  });
});
