import type { EntityManager } from 'typeorm';
import { writeEntity } from '@app/platform';
import { assignCriterionRefs } from '../story/criterion-refs';
import { CriterionRefCounter } from './criterion-ref-counter.entity';

/**
 * Issues criterion references for one project inside the caller's transaction. The counter row is
 * locked until that transaction ends, so concurrent writers of one project wait for each other and
 * a rolled-back transaction issues nothing.
 */
export async function allocateCriterionRefs(
  manager: EntityManager,
  projectId: string,
  wanted: readonly (string | undefined)[],
): Promise<string[]> {
  if (wanted.length === 0) return [];
  await writeEntity(manager, CriterionRefCounter, { projectId, last: 0 }, 'ignore');
  const counter = await manager.findOneOrFail(CriterionRefCounter, {
    where: { projectId },
    lock: { mode: 'pessimistic_write' },
  });
  const { refs, last } = assignCriterionRefs(counter.last, wanted);
  await manager.update(CriterionRefCounter, { projectId }, { last });
  return refs;
}
