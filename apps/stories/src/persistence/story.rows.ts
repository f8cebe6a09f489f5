import type { SqlExecutor } from '@app/platform';
import { isUuid } from '@app/domain';
import type { Story } from '../story/story.state';
import type { StoryPriority, StoryStatus } from '../story/story.values';

export interface StoryRow {
  id: string;
  project_id: string;
  title: string;
  description: string;
  status: StoryStatus;
  priority: StoryPriority;
  tags: string[];
  acceptance_criteria: { id: string; description: string; verified: boolean }[];
  component_id: string | null;
  component_name: string | null;
  version: number;
  deleted: boolean;
  created_at: Date;
  updated_at: Date;
}

export const STORY_COLUMNS =
  'id, project_id, title, description, status, priority, tags, acceptance_criteria, component_id, component_name, version, deleted, created_at, updated_at';

/** Writes the story's current state into the `stories` read model (same transaction as its events). */
export async function saveStoryRow(sql: SqlExecutor, story: Story): Promise<void> {
  await sql.query(
    `INSERT INTO stories (${STORY_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (id) DO UPDATE SET
       title = EXCLUDED.title, description = EXCLUDED.description, status = EXCLUDED.status,
       priority = EXCLUDED.priority, tags = EXCLUDED.tags, acceptance_criteria = EXCLUDED.acceptance_criteria,
       component_id = EXCLUDED.component_id, component_name = EXCLUDED.component_name,
       version = EXCLUDED.version, deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at`,
    [
      story.id,
      story.projectId,
      story.title,
      story.description,
      story.status,
      story.priority,
      [...story.tags],
      JSON.stringify(story.acceptanceCriteria),
      story.component?.id ?? null,
      story.component?.name ?? null,
      story.version,
      story.deletedAt !== null,
      story.createdAt,
      story.updatedAt,
    ],
  );
}

export async function findStoryRow(sql: SqlExecutor, id: string): Promise<StoryRow | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await sql.query<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = $1`, [id]);
  return rows[0];
}
