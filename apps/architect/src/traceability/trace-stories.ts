import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { In } from 'typeorm';
import { CriterionCopy } from '../reactions/criterion-copy.entity';
import { StoryCopy } from '../reactions/story-copy.entity';
import type { TraceStory } from './trace';

/** The (not deleted) story copies that match, by title, each with its criteria in their order. */
export async function traceStories(
  manager: EntityManager,
  where: FindOptionsWhere<StoryCopy>,
): Promise<TraceStory[]> {
  const copies = await manager.find(StoryCopy, {
    where: { ...where, deleted: false },
    order: { title: 'ASC' },
  });
  if (copies.length === 0) return [];
  const criteria = await manager.find(CriterionCopy, {
    where: { storyId: In(copies.map((copy) => copy.storyId)) },
    order: { position: 'ASC' },
  });
  return copies.map((copy) => ({
    id: copy.storyId,
    title: copy.title,
    criteria: criteria
      .filter((criterion) => criterion.storyId === copy.storyId)
      .map(({ criterionId, ref, description }) => ({ id: criterionId, ref, description })),
  }));
}
