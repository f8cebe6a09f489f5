import type { PublicCriterionEvent, PublicStoryRevised, SandboxRunRecorded } from '@app/domain';
import type { BusEvent, Projection, ProjectionDeps, SqlExecutor } from '@app/platform';
import { contractHandlers } from '@app/platform';
import {
  isGreenRun,
  isRedRun,
  SANDBOX_RUN_STREAM,
  SESSIONS_SERVICE,
  STORIES_SERVICE,
  STORY_STREAM,
  storyIdFromStream,
} from '@app/domain';
import { ArchitectureRepository } from '../application/architecture.repository';

/**
 * Keeps component statuses in step with the other services, appending to the architecture stream
 * inside the consumer's transaction (each source event has its effect exactly once):
 * - a story revised, or a criterion of it added, changed or removed, after its component's design
 *   was accepted marks the component DIRTY
 *   (`ComponentMarkedDirty` names the story and its version; the stories service then marks the story);
 * - sandbox runs of the sessions service record red and green evidence.
 */
export function componentStatusReaction(deps: ProjectionDeps): Projection {
  const repository = new ArchitectureRepository(deps.store);
  const metadataOf = (event: Pick<BusEvent, 'service' | 'metadata' | 'eventId'>) => ({
    actor: `${event.service} (${event.metadata.actor ?? 'system'})`,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
  });
  /** Every component the story is linked to is DIRTY: its design came from the story as it was. */
  const markLinkedComponentsDirty = async (event: BusEvent, sql: SqlExecutor, changedAt: string) => {
    const projectId = event.metadata.projectId;
    if (!projectId) return;
    const storyId = storyIdFromStream(event.streamId);
    const state = await repository.load(projectId, sql);
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
      StoryRevised: (event, { sql }) => markLinkedComponentsDirty(event, sql, event.data.revisedAt),
      AcceptanceCriterionAdded: (event, { sql }) => markLinkedComponentsDirty(event, sql, event.data.at),
      AcceptanceCriterionUpdated: (event, { sql }) => markLinkedComponentsDirty(event, sql, event.data.at),
      AcceptanceCriterionRemoved: (event, { sql }) => markLinkedComponentsDirty(event, sql, event.data.at),
      SandboxRunRecorded: async (event, { sql }) => {
        const run = event.data;
        const evidence = isRedRun(run) ? 'red' : isGreenRun(run) ? 'green' : undefined;
        if (!evidence) return;
        const state = await repository.load(run.projectId, sql);
        if (!state.components.has(run.componentId)) return;
        await repository.execute(
          sql,
          run.projectId,
          {
            type: 'RecordTestEvidence',
            componentId: run.componentId,
            runId: run.runId,
            evidence,
            at: run.recordedAt,
          },
          metadataOf(event),
        );
      },
    }),
  };
}
