import type { EntityManager } from 'typeorm';
import type {
  PublicAcceptanceCriteriaReferenced,
  PublicCriterionEvent,
  PublicStoryCreated,
} from '@app/domain';
import type { BusEvent, EventHandler, ProjectionContext } from '@app/platform';
import { contractHandlers, writeEntity } from '@app/platform';
import { storyIdFromStream } from '@app/domain';
import { CriterionCopy } from './criterion-copy.entity';

/** The criteria a story was created with, in its order. */
export async function copyCreatedCriteria(
  manager: EntityManager,
  storyId: string,
  criteria: PublicStoryCreated['data']['acceptanceCriteria'],
): Promise<void> {
  for (const [position, criterion] of criteria.entries()) {
    const copy: CriterionCopy = {
      criterionId: criterion.id,
      storyId,
      ref: criterion.ref ?? null,
      description: criterion.description,
      position,
      changedAt: null,
    };
    await writeEntity(manager, CriterionCopy, copy, 'update');
  }
}

/**
 * Criteria added, changed, removed and given references later; `then` runs after each (the story
 * copy's version follows every event of the story).
 */
export function criterionCopyHandlers(
  then: (event: BusEvent, context: ProjectionContext) => Promise<void>,
): Readonly<Record<string, EventHandler>> {
  return contractHandlers<PublicCriterionEvent | PublicAcceptanceCriteriaReferenced>({
    AcceptanceCriterionAdded: async (event, context) => {
      const storyId = storyIdFromStream(event.streamId);
      const last = await context.manager.maximum(CriterionCopy, 'position', { storyId });
      const copy: CriterionCopy = {
        criterionId: event.data.criterionId,
        storyId,
        ref: event.data.ref ?? null,
        description: event.data.description,
        position: (last ?? -1) + 1,
        changedAt: null,
      };
      await writeEntity(context.manager, CriterionCopy, copy, 'update');
      await then(event, context);
    },
    AcceptanceCriterionUpdated: async (event, context) => {
      await context.manager.update(
        CriterionCopy,
        { criterionId: event.data.criterionId, storyId: storyIdFromStream(event.streamId) },
        { description: event.data.description, changedAt: new Date(event.data.at) },
      );
      await then(event, context);
    },
    AcceptanceCriteriaReferenced: async (event, context) => {
      const storyId = storyIdFromStream(event.streamId);
      for (const { criterionId, ref } of event.data.refs)
        await context.manager.update(CriterionCopy, { criterionId, storyId }, { ref });
      await then(event, context);
    },
    AcceptanceCriterionRemoved: async (event, context) => {
      await context.manager.delete(CriterionCopy, {
        criterionId: event.data.criterionId,
        storyId: storyIdFromStream(event.streamId),
      });
      await then(event, context);
    },
  });
}
