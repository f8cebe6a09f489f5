import { requireCriterion } from '../../story/story.criteria';
import type { AcceptanceCriterionRemoved } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { RemoveAcceptanceCriterion } from './remove-acceptance-criterion.command';

export function decideRemoveAcceptanceCriterion(
  command: RemoveAcceptanceCriterion,
  state: StoryState,
): AcceptanceCriterionRemoved[] {
  const story = requireLiveStory(state, command.storyId);
  const criterion = requireCriterion(story, command.criterionId);
  return [
    {
      type: 'AcceptanceCriterionRemoved',
      data: {
        criterionId: command.criterionId,
        ...(criterion.ref === null ? {} : { ref: criterion.ref }),
        description: criterion.description,
        at: command.at,
      },
    },
  ];
}
