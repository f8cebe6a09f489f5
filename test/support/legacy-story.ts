import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/platform';
import { storiesPublication } from '../../apps/stories/src/publication/stories.publication';

/**
 * A story as a version before criterion references wrote it: its StoryCreated (criteria without
 * `ref`) in the stories service's store, published as that service publishes it, and its row in
 * the `stories` read model. For tests of `assignCriterionRefs` against running services.
 */
export async function writeLegacyStory(
  dataSource: DataSource,
  projectId: string,
  title: string,
  criteria: readonly string[],
): Promise<{ storyId: string; criterionIds: string[] }> {
  const storyId = randomUUID();
  const at = new Date().toISOString();
  const acceptanceCriteria = criteria.map((description) => ({ id: randomUUID(), description }));
  const description = `As a user I want ${title.toLowerCase()} so that it works`;
  await new PostgresEventStore(dataSource, 'stories', { publication: storiesPublication }).append(
    `story-${storyId}`,
    [
      {
        type: 'StoryCreated',
        data: {
          storyId,
          projectId,
          title,
          description,
          acceptanceCriteria,
          tags: [],
          priority: 'MEDIUM',
          createdAt: at,
        },
      },
    ],
    { metadata: { projectId, actor: 'an older version' } },
  );
  await dataSource.query(
    `INSERT INTO stories.stories (id, project_id, title, description, status, priority, tags,
       acceptance_criteria, component_id, component_name, version, deleted, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'IN_PROGRESS', 'MEDIUM', '{}', $5, NULL, NULL, 1, false, $6, $6)`,
    [
      storyId,
      projectId,
      title,
      description,
      JSON.stringify(acceptanceCriteria.map((c) => ({ ...c, verified: false }))),
      at,
    ],
  );
  return { storyId, criterionIds: acceptanceCriteria.map((c) => c.id) };
}
