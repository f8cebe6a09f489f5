import { requireCriterion } from '../../story/story.criteria';
import type { AcceptanceCriterionVerified } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import type { VerifyAcceptanceCriterion } from './verify-acceptance-criterion.command';

/** Marks a criterion verified; nothing when it already is. */
export function decideVerifyAcceptanceCriterion(
  command: VerifyAcceptanceCriterion,
  state: StoryState,
): AcceptanceCriterionVerified[] {
  const story = requireLiveStory(state, command.storyId);
  if (requireCriterion(story, command.criterionId).verified) return [];
  return [
    { type: 'AcceptanceCriterionVerified', data: { criterionId: command.criterionId, at: command.at } },
  ];
}
