import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import type { StoryCommand } from './story.commands';
import { storyDecider } from './story.decider';
import { STORY_ID, storyCreated, storyDeleted, T1 } from '../story/testing/story.fixtures';

const spec = deciderSpec(storyDecider);
const base = { storyId: STORY_ID, at: T1 };

/** One command of every kind except CreateStory, each valid on the fixture story. */
const commandsOnAStory: StoryCommand[] = [
  { ...base, type: 'ReviseStory', title: 'New title', description: 'New description' },
  { ...base, type: 'AddAcceptanceCriterion', criterionId: 'ac-9', ref: 'AC-9', description: 'Another' },
  { ...base, type: 'UpdateAcceptanceCriterion', criterionId: 'ac-1', description: 'Changed' },
  { ...base, type: 'RemoveAcceptanceCriterion', criterionId: 'ac-1' },
  { ...base, type: 'VerifyAcceptanceCriterion', criterionId: 'ac-1' },
  { ...base, type: 'ChangeStoryTags', tags: ['other'] },
  { ...base, type: 'PrioritizeStory', priority: 'HIGH' },
  { ...base, type: 'SetStoryStatus', status: 'COMPLETED' },
  { ...base, type: 'MarkStoryDirty' },
  { ...base, type: 'LinkStoryToComponent', componentId: 'cmp-1', componentName: 'Exporter' },
  { ...base, type: 'UnlinkStoryFromComponent', componentId: 'cmp-1' },
  { ...base, type: 'DeleteStory' },
];

describe('storyDecider', () => {
  it.each(commandsOnAStory.map((command) => [command.type, command] as const))(
    '%s on a missing story is NotFoundError',
    (_type, command) => {
      spec.given([]).when(command).thenThrows(NotFoundError, `story ${STORY_ID} was not found`);
    },
  );

  it.each(commandsOnAStory.map((command) => [command.type, command] as const))(
    '%s on a deleted story is NotFoundError',
    (_type, command) => {
      spec
        .given([storyCreated(), storyDeleted()])
        .when(command)
        .thenThrows(NotFoundError, /story st-1/);
    },
  );

  it('rejects an unknown command type', () => {
    expect(() => storyDecider.decide({ type: 'Explode' } as unknown as StoryCommand, null)).toThrow(
      'unexpected story command',
    );
  });

  it('starts from no story', () => {
    expect(storyDecider.initialState()).toBeNull();
  });
});
