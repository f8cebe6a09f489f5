import type { PublicProjectEvent, PublicStoryEvent } from '@app/domain';
import type { BusEvent, Projection, ProjectionContext, ProjectionDeps } from '@app/platform';
import { contractHandlers, writeEntity } from '@app/platform';
import { ProjectCopy } from './project-copy.entity';
import { copyCreatedCriteria, criterionCopyHandlers } from './criterion-copies';
import { StoryCopy } from './story-copy.entity';
import {
  PROJECT_STREAM,
  projectIdFromStream,
  STORIES_SERVICE,
  STORY_STREAM,
  storyIdFromStream,
} from '@app/domain';

/**
 * The architect's local copy of the stories (per project), fed by the stories service's events.
 * It only holds what the architect needs: existence, project, title, version, last revision time,
 * and the criteria (see criterion-copies).
 */
export function storyCopiesProjection(deps: ProjectionDeps): Projection {
  const bumpVersion = async (event: BusEvent, { manager }: ProjectionContext) => {
    await manager.update(
      StoryCopy,
      { storyId: storyIdFromStream(event.streamId) },
      { version: event.version },
    );
  };
  return {
    name: 'architect.story_copies',
    schema: deps.config.schema,
    tables: ['story_copies', 'project_copies', 'criterion_copies'],
    sources: [{ service: STORIES_SERVICE, streamTypes: [STORY_STREAM, PROJECT_STREAM] }],
    handlers: {
      ...contractHandlers<PublicProjectEvent | PublicStoryEvent>({
        ProjectCreated: async (event, { manager }) => {
          const { projectId, name } = event.data;
          await writeEntity(manager, ProjectCopy, { projectId, name }, 'ignore');
        },
        ProjectRenamed: async (event, { manager }) => {
          await manager.update(
            ProjectCopy,
            { projectId: projectIdFromStream(event.streamId) },
            { name: event.data.name },
          );
        },
        StoryCreated: async (event, { manager }) => {
          const { storyId, projectId, title, createdAt } = event.data;
          await manager
            .createQueryBuilder()
            .insert()
            .into(StoryCopy)
            .values({ storyId, projectId, title, version: event.version, revisedAt: new Date(createdAt) })
            .orUpdate(['title', 'version'], ['story_id'])
            .execute();
          await copyCreatedCriteria(manager, storyId, event.data.acceptanceCriteria);
        },
        StoryRevised: async (event, { manager }) => {
          await manager.update(
            StoryCopy,
            { storyId: storyIdFromStream(event.streamId) },
            { title: event.data.title, version: event.version, revisedAt: new Date(event.data.revisedAt) },
          );
        },
        StoryDeleted: async (event, { manager }) => {
          await manager.update(
            StoryCopy,
            { storyId: storyIdFromStream(event.streamId) },
            { deleted: true, version: event.version },
          );
        },
      }),
      ...criterionCopyHandlers(bumpVersion),
      '*': async (event, context) => {
        if (event.streamType === STORY_STREAM) await bumpVersion(event, context);
      },
    },
  };
}
