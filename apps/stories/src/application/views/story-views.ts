import type { ProjectRow } from '../../persistence/project.rows';
import type { StoryRow } from '../../persistence/story.rows';
import type { Story } from '../../story/story.state';
import type { CriterionView, ProjectView, StoryView } from './story.view';

export function storyFromRow(row: StoryRow): StoryView {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    version: row.version,
    tags: row.tags,
    acceptanceCriteria: row.acceptance_criteria.map((c): CriterionView => ({
      id: c.id,
      description: c.description,
      verified: c.verified,
    })),
    componentId: row.component_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function storyFromState(story: Story): StoryView {
  return {
    id: story.id,
    projectId: story.projectId,
    title: story.title,
    description: story.description,
    status: story.status,
    priority: story.priority,
    version: story.version,
    tags: [...story.tags],
    acceptanceCriteria: story.acceptanceCriteria.map((c) => ({
      id: c.id,
      description: c.description,
      verified: c.verified,
    })),
    componentId: story.component?.id ?? null,
    createdAt: new Date(story.createdAt).toISOString(),
    updatedAt: new Date(story.updatedAt).toISOString(),
  };
}

export function projectFromRow(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    archived: row.archived,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
