import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { isUuid } from '@app/domain';
import { writeEntity } from '@app/platform';
import type { Story } from '../story/story.state';
import { StoryRecord } from './story-record.entity';

/** Writes the story's current state into the `stories` read model (same transaction as its events). */
export async function saveStoryRecord(manager: EntityManager, story: Story): Promise<void> {
  const record: StoryRecord = {
    id: story.id,
    projectId: story.projectId,
    title: story.title,
    description: story.description,
    status: story.status,
    priority: story.priority,
    tags: [...story.tags],
    acceptanceCriteria: story.acceptanceCriteria.map((criterion) => ({ ...criterion })),
    componentId: story.component?.id ?? null,
    componentName: story.component?.name ?? null,
    version: story.version,
    deleted: story.deletedAt !== null,
    createdAt: new Date(story.createdAt),
    updatedAt: new Date(story.updatedAt),
  };
  await writeEntity(manager, StoryRecord, record, 'update');
}

export async function findStoryRecord(manager: EntityManager, id: string): Promise<StoryRecord | null> {
  if (!isUuid(id)) return null;
  return manager.findOneBy(StoryRecord, { id });
}

/** The records of these ids that exist (ids that are not uuids are left out), in one query. */
export async function findStoryRecords(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, StoryRecord>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await manager.findBy(StoryRecord, { id: In(wanted) });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The live stories of a project with a criterion that has no reference, oldest first. */
export async function storiesWithUnreferencedCriteria(
  manager: EntityManager,
  projectId: string,
): Promise<string[]> {
  const rows: { id: string }[] = await manager
    .createQueryBuilder(StoryRecord, 'story')
    .select('story.id', 'id')
    .where('story.project_id = :projectId AND NOT story.deleted', { projectId })
    .andWhere(
      `EXISTS (SELECT 1 FROM jsonb_array_elements(story.acceptance_criteria) AS c WHERE coalesce(c->>'ref', '') = '')`,
    )
    .orderBy('story.created_at')
    .addOrderBy('story.id')
    .getRawMany();
  return rows.map((row) => row.id);
}
