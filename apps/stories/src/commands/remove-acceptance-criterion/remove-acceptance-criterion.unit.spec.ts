import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import { STORY_ID, storyCreated, storyDeleted, T1 } from '../../story/testing/story.fixtures';
import type { RemoveAcceptanceCriterion } from './remove-acceptance-criterion.command';

const spec = deciderSpec(storyDecider);

function remove(criterionId = 'ac-1'): RemoveAcceptanceCriterion {
  return { type: 'RemoveAcceptanceCriterion', storyId: STORY_ID, criterionId, at: T1 };
}

describe('RemoveAcceptanceCriterion', () => {
  it('removes the criterion', () => {
    spec
      .given([storyCreated()])
      .when(remove())
      .then([
        {
          type: 'AcceptanceCriterionRemoved',
          data: {
            criterionId: 'ac-1',
            ref: 'AC-1',
            description: 'The export lists every story of the project',
            at: T1,
          },
        },
      ]);
    const events = storyDecider.decide(remove(), foldStory([storyCreated()]));
    expect(foldStory([storyCreated(), ...events])?.acceptanceCriteria.map((c) => c.id)).toEqual(['ac-2']);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(remove())
        .thenThrows(NotFoundError, /story st-1/);
      spec
        .given([storyCreated(), storyDeleted()])
        .when(remove())
        .thenThrows(NotFoundError, /story st-1/);
    });

    it('an unknown criterion id, including one already removed', () => {
      spec
        .given([storyCreated()])
        .when(remove('nope'))
        .thenThrows(NotFoundError, 'acceptance criterion nope was not found');
      spec
        .given([
          storyCreated(),
          { type: 'AcceptanceCriterionRemoved', data: { criterionId: 'ac-1', at: T1 } },
        ])
        .when(remove('ac-1'))
        .thenThrows(NotFoundError, /acceptance criterion ac-1/);
    });
  });
});
