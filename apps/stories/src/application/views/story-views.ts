import type { ProjectRecord } from '../../persistence/project-record.entity';
import type { StoryRecord } from '../../persistence/story-record.entity';
import type { Story } from '../../story/story.state';
import type { CriterionView, ProjectView, StoryView } from './story.view';

export function storyFromRecord(row: StoryRecord): StoryView {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    version: row.version,
    tags: row.tags,
    acceptanceCriteria: row.acceptanceCriteria.map((c): CriterionView => ({
      id: c.id,
      ref: c.ref ?? null,
      description: c.description,
      verified: c.verified,
    })),
    componentId: row.componentId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
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
      ref: c.ref,
      description: c.description,
      verified: c.verified,
    })),
    componentId: story.component?.id ?? null,
    createdAt: new Date(story.createdAt).toISOString(),
    updatedAt: new Date(story.updatedAt).toISOString(),
  };
}

export function projectFromRecord(row: ProjectRecord): ProjectView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    archived: row.archived,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
