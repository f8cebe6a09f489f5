import type { PublicArchitectEvent } from '@app/domain';
import type { BusEvent, Projection, ProjectionDeps, SqlExecutor } from '@app/platform';
import { ARCHITECT_SERVICE, ARCHITECTURE_STREAM, NotFoundError } from '@app/domain';
import { CommandHandler, contractHandlers } from '@app/platform';
import { saveStoryRecord } from '../persistence/story.records';
import type { StoryCommand } from '../commands/story.commands';
import { storyDecider } from '../commands/story.decider';
import { storyStreamId } from '../story/story.stream';

/**
 * Applies the architect's decisions to stories: a story mapped onto (or off) a component records
 * the link, and a component marked dirty marks the story that caused it DIRTY. Runs in the
 * consumer's transaction, so each architect event has its effect exactly once.
 */
export function architectLinksReaction(deps: ProjectionDeps): Projection {
  const handler = new CommandHandler(deps.store, storyDecider);

  async function run(
    event: Pick<BusEvent, 'eventId' | 'metadata'>,
    sql: SqlExecutor,
    command: StoryCommand,
  ): Promise<void> {
    try {
      const result = await handler.handle(storyStreamId(command.storyId), command, {
        sql,
        metadata: {
          projectId: event.metadata.projectId,
          actor: `${ARCHITECT_SERVICE} (${event.metadata.actor ?? 'system'})`,
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
        },
      });
      if (result.events.length > 0 && result.state) await saveStoryRecord(sql.manager, result.state);
    } catch (error) {
      if (error instanceof NotFoundError) return; // the story was deleted meanwhile: nothing to mark
      throw error;
    }
  }

  return {
    name: 'stories.architect-links',
    kind: 'reaction',
    schema: deps.config.schema,
    tables: [],
    sources: [{ service: ARCHITECT_SERVICE, streamTypes: [ARCHITECTURE_STREAM] }],
    handlers: contractHandlers<PublicArchitectEvent>({
      StoryMappedToComponent: async (event, { sql }) => {
        const { storyId, componentId, componentName, at } = event.data;
        await run(event, sql, { type: 'LinkStoryToComponent', storyId, componentId, componentName, at });
      },
      StoryUnmappedFromComponent: async (event, { sql }) => {
        const { storyId, componentId, at } = event.data;
        await run(event, sql, { type: 'UnlinkStoryFromComponent', storyId, componentId, at });
      },
      ComponentMarkedDirty: async (event, { sql }) => {
        const { storyId, at } = event.data;
        await run(event, sql, { type: 'MarkStoryDirty', storyId, at });
      },
      ComponentWentStale: async (event, { sql }) => {
        for (const storyId of event.data.storyIds)
          await run(event, sql, { type: 'MarkStoryDirty', storyId, at: event.data.at });
      },
      StoryVerified: async (event, { sql }) => {
        await run(event, sql, {
          type: 'CompleteVerifiedStory',
          storyId: event.data.storyId,
          at: event.data.at,
        });
      },
      ComponentDirtinessCleared: async (event, { sql }) => {
        for (const storyId of event.data.storyIds)
          await run(event, sql, { type: 'MarkStoryCurrent', storyId, at: event.data.at });
      },
    }),
  };
}
