import type { AcceptanceCriterionUpdated } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { normalizeLine } from '@app/domain';
import { criterionTextProblems, rejectIfInvalid } from '../../story/story.validation';
import { requireCriterion } from '../../story/story.criteria';
import type { UpdateAcceptanceCriterion } from './update-acceptance-criterion.command';

/** New text for a criterion (which then needs verifying again); nothing when the text is unchanged. */
export function decideUpdateAcceptanceCriterion(
  command: UpdateAcceptanceCriterion,
  state: StoryState,
): AcceptanceCriterionUpdated[] {
  const story = requireLiveStory(state, command.storyId);
  const criterion = requireCriterion(story, command.criterionId);
  const description = normalizeLine(command.description);
  rejectIfInvalid('acceptance criterion', criterionTextProblems(description, 'description'));
  if (description === criterion.description) return [];
  return [
    {
      type: 'AcceptanceCriterionUpdated',
      data: {
        criterionId: command.criterionId,
        ...(criterion.ref === null ? {} : { ref: criterion.ref }),
        description,
        previousDescription: criterion.description,
        at: command.at,
      },
    },
  ];
}
