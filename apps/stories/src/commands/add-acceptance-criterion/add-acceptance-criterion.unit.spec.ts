import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryCreated } from '../../story/story.events';
import { foldStory } from '../../story/story.state';
import {
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  text,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { AddAcceptanceCriterion } from './add-acceptance-criterion.command';

const spec = deciderSpec(storyDecider);

function add(overrides: Partial<AddAcceptanceCriterion> = {}): AddAcceptanceCriterion {
  return {
    type: 'AddAcceptanceCriterion',
    storyId: STORY_ID,
    criterionId: 'ac-3',
    ref: 'AC-3',
    description: 'The file is named user_stories.md',
    at: T1,
    ...overrides,
  };
}

function withCriteria(count: number): StoryCreated {
  return storyCreated({
    acceptanceCriteria: Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      ref: `AC-${100 + i}`,
      description: `criterion ${i}`,
    })),
  });
}

const problems = (overrides: Partial<AddAcceptanceCriterion>, created = storyCreated()) =>
  validationProblemsOf(() => storyDecider.decide(add(overrides), foldStory([created])));

describe('AddAcceptanceCriterion', () => {
  it('adds an unverified criterion at the end', () => {
    spec
      .given([storyCreated()])
      .when(add({ description: '  The file is named\nuser_stories.md ' }))
      .then([
        {
          type: 'AcceptanceCriterionAdded',
          data: {
            criterionId: 'ac-3',
            ref: 'AC-3',
            description: 'The file is named user_stories.md',
            at: T1,
          },
        },
      ]);
    const state = foldStory([storyCreated(), ...storyDecider.decide(add(), foldStory([storyCreated()]))]);
    expect(state?.acceptanceCriteria.map((c) => [c.id, c.verified])).toEqual([
      ['ac-1', false],
      ['ac-2', false],
      ['ac-3', false],
    ]);
  });

  it('accepts the 50th criterion and text of 1,000 characters', () => {
    spec
      .given([withCriteria(49)])
      .when(add({ description: text(1_000) }))
      .then([
        {
          type: 'AcceptanceCriterionAdded',
          data: { criterionId: 'ac-3', ref: 'AC-3', description: text(1_000), at: T1 },
        },
      ]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec.given([]).when(add()).thenThrows(NotFoundError, `story ${STORY_ID} was not found`);
      spec.given([storyCreated(), storyDeleted()]).when(add()).thenThrows(NotFoundError);
    });

    it('the 51st criterion', () => {
      spec
        .given([withCriteria(50)])
        .when(add())
        .thenThrows(ValidationError, /at most 50 acceptance criteria/);
      expect(problems({}, withCriteria(50))).toEqual([
        { field: 'acceptanceCriteria', message: 'a story has at most 50 acceptance criteria' },
      ]);
    });

    it('empty text', () => {
      expect(problems({ description: ' \n ' })).toEqual([
        { field: 'description', message: 'must not be empty' },
      ]);
    });

    it('text over 1,000 characters', () => {
      expect(problems({ description: text(1_001) })).toEqual([
        { field: 'description', message: 'must be at most 1000 characters' },
      ]);
    });

    it('an id the story already has', () => {
      expect(problems({ criterionId: 'ac-1' })).toEqual([
        { field: 'criterionId', message: 'acceptance criterion ac-1 already exists' },
      ]);
    });

    it('a reference the story already has, or a malformed one', () => {
      expect(problems({ ref: 'AC-1' })).toEqual([
        { field: 'ref', message: 'reference AC-1 is already taken' },
      ]);
      expect(problems({ ref: 'AC3' })).toEqual([
        { field: 'ref', message: '"AC3" is not a reference of the form AC-<n>' },
      ]);
    });

    it('an empty id', () => {
      expect(problems({ criterionId: ' ' })).toEqual([
        { field: 'criterionId', message: 'must not be empty' },
      ]);
    });
  });
});
