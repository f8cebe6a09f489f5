import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryEvent } from '../../story/story.events';
import { foldStory } from '../../story/story.state';
import {
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  T2,
  text,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { UpdateAcceptanceCriterion } from './update-acceptance-criterion.command';

const spec = deciderSpec(storyDecider);
const verified: StoryEvent = { type: 'AcceptanceCriterionVerified', data: { criterionId: 'ac-1', at: T1 } };

function update(overrides: Partial<UpdateAcceptanceCriterion> = {}): UpdateAcceptanceCriterion {
  return {
    type: 'UpdateAcceptanceCriterion',
    storyId: STORY_ID,
    criterionId: 'ac-1',
    description: 'The export lists every story, oldest first',
    at: T2,
    ...overrides,
  };
}

describe('UpdateAcceptanceCriterion', () => {
  it('records the new text', () => {
    spec
      .given([storyCreated()])
      .when(update())
      .then([
        {
          type: 'AcceptanceCriterionUpdated',
          data: {
            criterionId: 'ac-1',
            ref: 'AC-1',
            description: 'The export lists every story, oldest first',
            previousDescription: 'The export lists every story of the project',
            at: T2,
          },
        },
      ]);
  });

  it('resets verified to false', () => {
    const history = [storyCreated(), verified];
    const events = storyDecider.decide(update(), foldStory(history));
    expect(foldStory([...history, ...events])?.acceptanceCriteria[0]).toEqual({
      id: 'ac-1',
      ref: 'AC-1',
      description: 'The export lists every story, oldest first',
      verified: false,
    });
  });

  it('emits nothing when the normalized text is unchanged (a verified criterion stays verified)', () => {
    spec
      .given([storyCreated(), verified])
      .when(update({ description: ' The export lists every\nstory of the project ' }))
      .then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(update())
        .thenThrows(NotFoundError, /story st-1/);
      spec
        .given([storyCreated(), storyDeleted()])
        .when(update())
        .thenThrows(NotFoundError, /story st-1/);
    });

    it('an unknown criterion id', () => {
      spec
        .given([storyCreated()])
        .when(update({ criterionId: 'nope' }))
        .thenThrows(NotFoundError, 'acceptance criterion nope was not found');
    });

    it('empty text', () => {
      spec
        .given([storyCreated()])
        .when(update({ description: '' }))
        .thenThrows(ValidationError);
      expect(
        validationProblemsOf(() =>
          storyDecider.decide(update({ description: '  ' }), foldStory([storyCreated()])),
        ),
      ).toEqual([{ field: 'description', message: 'must not be empty' }]);
    });

    it('text over 1,000 characters', () => {
      expect(
        validationProblemsOf(() =>
          storyDecider.decide(update({ description: text(1_001) }), foldStory([storyCreated()])),
        ),
      ).toEqual([{ field: 'description', message: 'must be at most 1000 characters' }]);
    });
  });
});
