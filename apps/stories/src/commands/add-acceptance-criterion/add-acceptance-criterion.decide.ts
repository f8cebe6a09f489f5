import type { FieldProblem } from '@app/domain';
import type { AcceptanceCriterionAdded } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { normalizeLine } from '@app/domain';
import {
  criteriaCountProblems,
  criterionRefProblems,
  criterionTextProblems,
  rejectIfInvalid,
} from '../../story/story.validation';
import type { AddAcceptanceCriterion } from './add-acceptance-criterion.command';

export function decideAddAcceptanceCriterion(
  command: AddAcceptanceCriterion,
  state: StoryState,
): AcceptanceCriterionAdded[] {
  const story = requireLiveStory(state, command.storyId);
  const description = normalizeLine(command.description);
  const problems: FieldProblem[] = [...criterionTextProblems(description, 'description')];
  if (command.criterionId.trim().length === 0)
    problems.push({ field: 'criterionId', message: 'must not be empty' });
  else if (story.acceptanceCriteria.some((c) => c.id === command.criterionId))
    problems.push({
      field: 'criterionId',
      message: `acceptance criterion ${command.criterionId} already exists`,
    });
  const taken = new Set(story.acceptanceCriteria.flatMap((c) => (c.ref === null ? [] : [c.ref])));
  problems.push(...criterionRefProblems(command.ref, taken, 'ref'));
  problems.push(...criteriaCountProblems(story.acceptanceCriteria.length + 1));
  rejectIfInvalid('acceptance criterion', problems);
  return [
    {
      type: 'AcceptanceCriterionAdded',
      data: { criterionId: command.criterionId, ref: command.ref, description, at: command.at },
    },
  ];
}
