import type { PublicProjectEvent, PublicStoryEvent } from '@app/domain';
import type { BusEvent, Projection, ProjectionContext, ProjectionDeps } from '@app/platform';
import { contractHandlers } from '@app/platform';
import {
  PROJECT_STREAM,
  projectIdFromStream,
  STORIES_SERVICE,
  STORY_STREAM,
  storyIdFromStream,
} from '@app/domain';

/**
 * The architect's local copy of the stories (per project), fed by the stories service's events.
 * It only holds what the architect needs: existence, project, title, version, last revision time.
 */
export function storyCopiesProjection(deps: ProjectionDeps): Projection {
  const bumpVersion = async (event: BusEvent, { sql, table }: ProjectionContext) => {
    await sql.query(`UPDATE ${table('story_copies')} SET version = $2 WHERE story_id = $1`, [
      storyIdFromStream(event.streamId),
      event.version,
    ]);
  };
  return {
    name: 'architect.story_copies',
    schema: deps.config.schema,
    tables: ['story_copies', 'project_copies'],
    sources: [{ service: STORIES_SERVICE, streamTypes: [STORY_STREAM, PROJECT_STREAM] }],
    handlers: {
      ...contractHandlers<PublicProjectEvent | PublicStoryEvent>({
        ProjectCreated: async (event, { sql, table }) => {
          const data = event.data;
          await sql.query(
            `INSERT INTO ${table('project_copies')} (project_id, name) VALUES ($1, $2) ON CONFLICT (project_id) DO NOTHING`,
            [data.projectId, data.name],
          );
        },
        ProjectRenamed: async (event, { sql, table }) => {
          const data = event.data;
          await sql.query(`UPDATE ${table('project_copies')} SET name = $2 WHERE project_id = $1`, [
            projectIdFromStream(event.streamId),
            data.name,
          ]);
        },
        StoryCreated: async (event, { sql, table }) => {
          const data = event.data;
          await sql.query(
            `INSERT INTO ${table('story_copies')} (story_id, project_id, title, version, revised_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (story_id) DO UPDATE SET title = EXCLUDED.title, version = EXCLUDED.version`,
            [data.storyId, data.projectId, data.title, event.version, data.createdAt],
          );
        },
        StoryRevised: async (event, { sql, table }) => {
          const data = event.data;
          await sql.query(
            `UPDATE ${table('story_copies')} SET title = $2, version = $3, revised_at = $4 WHERE story_id = $1`,
            [storyIdFromStream(event.streamId), data.title, event.version, data.revisedAt],
          );
        },
        StoryDeleted: async (event, { sql, table }) => {
          await sql.query(
            `UPDATE ${table('story_copies')} SET deleted = true, version = $2 WHERE story_id = $1`,
            [storyIdFromStream(event.streamId), event.version],
          );
        },
      }),
      '*': async (event, context) => {
        if (event.streamType === STORY_STREAM) await bumpVersion(event, context);
      },
    },
  };
}

export interface StoryCopy {
  readonly story_id: string;
  readonly project_id: string;
  readonly title: string;
  readonly version: number;
  readonly deleted: boolean;
}
