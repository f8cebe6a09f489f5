import { NotFoundError } from '@app/domain';
import type { AcceptanceCriterion, Story } from './story.state';

/** The story's criterion with this id; otherwise NotFoundError('acceptance criterion', id). */
export function requireCriterion(story: Story, criterionId: string): AcceptanceCriterion {
  const criterion = story.acceptanceCriteria.find((c) => c.id === criterionId);
  if (criterion === undefined) throw new NotFoundError('acceptance criterion', criterionId);
  return criterion;
}
