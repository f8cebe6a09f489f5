import type { AcceptanceCriterion as CriterionModel, Story as StoryModel } from '../graphql/story.model';
import type { Project as ProjectModel } from '../graphql/project.model';
import { StoryPriority, StoryStatus } from '../graphql/story.model';
import type { ProjectRow } from '../persistence/project.rows';
import type { StoryRow } from '../persistence/story.rows';
import type { Story } from '../story/story.state';

export function storyFromRow(row: StoryRow): StoryModel {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    description: row.description,
    status: StoryStatus[row.status],
    priority: StoryPriority[row.priority],
    version: row.version,
    tags: row.tags,
    acceptanceCriteria: row.acceptance_criteria.map((c): CriterionModel => ({
      id: c.id,
      description: c.description,
      verified: c.verified,
    })),
    componentId: row.component_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function storyFromState(story: Story): StoryModel {
  return {
    id: story.id,
    projectId: story.projectId,
    title: story.title,
    description: story.description,
    status: StoryStatus[story.status],
    priority: StoryPriority[story.priority],
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

export function projectFromRow(row: ProjectRow): ProjectModel {
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
