import type { FieldProblem } from '@app/domain';
import type { AcceptanceCriteriaReferenced } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { criterionRefProblems, rejectIfInvalid } from '../../story/story.validation';
import type { ReferenceCriteria } from './reference-criteria.command';

/**
 * Each named criterion must exist and have no reference yet, and each reference must be free in
 * the story; a criterion that has one keeps it (a reference never changes). Nothing to give: no event.
 */
export function decideReferenceCriteria(
  command: ReferenceCriteria,
  state: StoryState,
): AcceptanceCriteriaReferenced[] {
  const story = requireLiveStory(state, command.storyId);
  const byId = new Map(story.acceptanceCriteria.map((c) => [c.id, c]));
  const taken = new Set(story.acceptanceCriteria.flatMap((c) => (c.ref === null ? [] : [c.ref])));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  command.refs.forEach(({ criterionId, ref }, i) => {
    const criterion = byId.get(criterionId);
    if (!criterion)
      problems.push({ field: `refs[${i}].criterionId`, message: `no criterion ${criterionId}` });
    else if (criterion.ref !== null)
      problems.push({ field: `refs[${i}].criterionId`, message: `already referenced as ${criterion.ref}` });
    else if (seen.has(criterionId))
      problems.push({ field: `refs[${i}].criterionId`, message: 'named twice' });
    seen.add(criterionId);
    problems.push(...criterionRefProblems(ref, taken, `refs[${i}].ref`));
    taken.add(ref);
  });
  rejectIfInvalid('criterion references', problems);
  if (command.refs.length === 0) return [];
  return [
    {
      type: 'AcceptanceCriteriaReferenced',
      data: { refs: command.refs.map(({ criterionId, ref }) => ({ criterionId, ref })), at: command.at },
    },
  ];
}
