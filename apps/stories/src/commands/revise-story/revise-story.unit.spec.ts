import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import { foldStory } from '../../story/story.state';
import {
  FORMATTED_DESCRIPTION,
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  text,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { ReviseStory } from './revise-story.command';

const spec = deciderSpec(storyDecider);

function revise(overrides: Partial<ReviseStory> = {}): ReviseStory {
  return {
    type: 'ReviseStory',
    storyId: STORY_ID,
    title: 'Export all stories as markdown',
    description: FORMATTED_DESCRIPTION,
    at: T1,
    ...overrides,
  };
}

describe('ReviseStory', () => {
  it('records the full new title and description', () => {
    spec
      .given([storyCreated()])
      .when(revise())
      .then([
        {
          type: 'StoryRevised',
          data: {
            title: 'Export all stories as markdown',
            description: FORMATTED_DESCRIPTION,
            revisedAt: T1,
          },
        },
      ]);
  });

  it('changes the state and bumps the version', () => {
    const events = storyDecider.decide(revise({ description: 'new' }), foldStory([storyCreated()]));
    const state = foldStory([storyCreated(), ...events]);
    expect(state).toMatchObject({
      title: 'Export all stories as markdown',
      description: 'new',
      updatedAt: T1,
      version: 2,
    });
  });

  it('emits nothing when title and description are unchanged (after normalization)', () => {
    spec
      .given([storyCreated()])
      .when(
        revise({ title: '  Export stories  as markdown ', description: `${FORMATTED_DESCRIPTION}  \r\n` }),
      )
      .then([]);
  });

  describe('rejects', () => {
    it('a missing story', () => {
      spec.given([]).when(revise()).thenThrows(NotFoundError, `story ${STORY_ID} was not found`);
    });

    it('a deleted story', () => {
      spec.given([storyCreated(), storyDeleted()]).when(revise()).thenThrows(NotFoundError);
    });

    it('an empty title', () => {
      spec
        .given([storyCreated()])
        .when(revise({ title: ' ' }))
        .thenThrows(ValidationError, /title must not be empty/);
    });

    it('a title over 200 characters and a description over 100,000', () => {
      const given = foldStory([storyCreated()]);
      expect(
        validationProblemsOf(() =>
          storyDecider.decide(revise({ title: text(201), description: text(100_001) }), given),
        ),
      ).toEqual([
        { field: 'title', message: 'must be at most 200 characters' },
        { field: 'description', message: 'must be at most 100000 characters' },
      ]);
    });
  });
});
