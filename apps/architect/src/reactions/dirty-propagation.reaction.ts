import type { PublicCriterionEvent, PublicStoryRevised, SandboxRunRecorded } from '@app/domain';
import type { BusEvent, Projection, ProjectionDeps, SqlExecutor } from '@app/platform';
import { contractHandlers } from '@app/platform';
import {
  SANDBOX_RUN_STREAM,
  SESSIONS_SERVICE,
  STORIES_SERVICE,
  STORY_STREAM,
  storyIdFromStream,
} from '@app/domain';
import { ArchitectureRepository } from '../commands/architecture.repository';
import { recordRunEvidence } from './run-evidence';
import type { StoryChangeCause } from './story-change-causes';
import { criterionAdded, criterionChanged, criterionRemoved, storyRevised } from './story-change-causes';
import { StoryCopy } from '../story-copies/story-copy.entity';

/**
 * Keeps component statuses in step with the other services, appending to the architecture stream
 * inside the consumer's transaction (each source event has its effect exactly once):
 * - a story revised, or a criterion of it added, changed or removed, after its component's design
 *   was accepted marks the component DIRTY
 *   (`ComponentMarkedDirty` names the story and its version; the stories service then marks the story);
 * - sandbox runs of the sessions service record red and green evidence, and a green run that
 *   verifies every criterion of a linked story records `StoryVerified`.
 */
export function componentStatusReaction(deps: ProjectionDeps): Projection {
  const repository = new ArchitectureRepository(deps.store);
  const metadataOf = (event: Pick<BusEvent, 'service' | 'metadata' | 'eventId'>) => ({
    actor: `${event.service} (${event.metadata.actor ?? 'system'})`,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
  });
  /** Every component the story is linked to is DIRTY: its design came from the story as it was. */
  const markDirty = async (event: BusEvent, sql: SqlExecutor, changedAt: string, cause: StoryChangeCause) => {
    const projectId = event.metadata.projectId;
    if (!projectId) return;
    const storyId = storyIdFromStream(event.streamId);
    const state = await repository.load(projectId, sql);
    const title = (await sql.manager.findOneBy(StoryCopy, { storyId }))?.title ?? storyId;
    for (const component of state.components.values()) {
      if (!component.storyIds.includes(storyId)) continue;
      await repository.execute(
        sql,
        projectId,
        {
          type: 'MarkComponentDirty',
          componentId: component.id,
          storyId,
          storyVersion: event.version,
          revisedAt: changedAt,
          cause: cause(title),
          at: event.recordedAt,
        },
        metadataOf(event),
      );
    }
  };
  return {
    name: 'architect.component-status',
    kind: 'reaction',
    schema: deps.config.schema,
    tables: [],
    sources: [
      { service: STORIES_SERVICE, streamTypes: [STORY_STREAM] },
      { service: SESSIONS_SERVICE, streamTypes: [SANDBOX_RUN_STREAM] },
    ],
    handlers: contractHandlers<PublicStoryRevised | PublicCriterionEvent | SandboxRunRecorded>({
      StoryRevised: (e, { sql }) => markDirty(e, sql, e.data.revisedAt, storyRevised(e.data)),
      AcceptanceCriterionAdded: (e, { sql }) => markDirty(e, sql, e.data.at, criterionAdded(e.data)),
      AcceptanceCriterionUpdated: (e, { sql }) => markDirty(e, sql, e.data.at, criterionChanged(e.data)),
      AcceptanceCriterionRemoved: (e, { sql }) => markDirty(e, sql, e.data.at, criterionRemoved(e.data)),
      SandboxRunRecorded: (event, { sql }) =>
        recordRunEvidence(repository, deps.store, sql, event.data, metadataOf(event)),
    }),
  };
}
