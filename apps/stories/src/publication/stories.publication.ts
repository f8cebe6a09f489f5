import type { Publication, PublicProjectEvent, PublicStoryEvent, ServicePublication } from '@app/domain';
import { AUDIT_ONLY, PROJECT_STREAM, STORY_STREAM } from '@app/domain';
import type { ProjectEvent } from '../project/project.events';
import type { StoryEvent } from '../story/story.events';

/** Story events, field by field onto the public contract; the rest is the stories service's own business. */
export const storyPublication: Publication<StoryEvent, PublicStoryEvent> = {
  StoryCreated: (data) => ({
    type: 'StoryCreated',
    data: {
      storyId: data.storyId,
      projectId: data.projectId,
      title: data.title,
      description: data.description,
      acceptanceCriteria: data.acceptanceCriteria.map((c) => ({
        id: c.id,
        ...(c.ref === undefined ? {} : { ref: c.ref }),
        description: c.description,
      })),
      createdAt: data.createdAt,
    },
  }),
  StoryRevised: (data) => ({
    type: 'StoryRevised',
    data: { title: data.title, description: data.description, revisedAt: data.revisedAt },
  }),
  StoryDeleted: (data) => ({ type: 'StoryDeleted', data: { at: data.at } }),
  AcceptanceCriterionAdded: (data) => ({
    type: 'AcceptanceCriterionAdded',
    data: {
      criterionId: data.criterionId,
      ...(data.ref === undefined ? {} : { ref: data.ref }),
      description: data.description,
      at: data.at,
    },
  }),
  AcceptanceCriterionUpdated: (data) => ({
    type: 'AcceptanceCriterionUpdated',
    data: {
      criterionId: data.criterionId,
      ...(data.ref === undefined ? {} : { ref: data.ref }),
      description: data.description,
      ...(data.previousDescription === undefined ? {} : { previousDescription: data.previousDescription }),
      at: data.at,
    },
  }),
  AcceptanceCriterionRemoved: (data) => ({
    type: 'AcceptanceCriterionRemoved',
    data: {
      criterionId: data.criterionId,
      ...(data.ref === undefined ? {} : { ref: data.ref }),
      ...(data.description === undefined ? {} : { description: data.description }),
      at: data.at,
    },
  }),
  AcceptanceCriteriaReferenced: (data) => ({
    type: 'AcceptanceCriteriaReferenced',
    data: { refs: data.refs.map(({ criterionId, ref }) => ({ criterionId, ref })), at: data.at },
  }),
  AcceptanceCriterionVerified: AUDIT_ONLY,
  StoryTagsChanged: AUDIT_ONLY,
  StoryPrioritized: AUDIT_ONLY,
  StoryStatusChanged: AUDIT_ONLY,
  StoryLinkedToComponent: AUDIT_ONLY,
  StoryUnlinkedFromComponent: AUDIT_ONLY,
};

export const projectPublication: Publication<ProjectEvent, PublicProjectEvent> = {
  ProjectCreated: (data) => ({
    type: 'ProjectCreated',
    data: {
      projectId: data.projectId,
      name: data.name,
      description: data.description,
      createdAt: data.createdAt,
    },
  }),
  ProjectRenamed: (data) => ({
    type: 'ProjectRenamed',
    data: { name: data.name, renamedAt: data.renamedAt },
  }),
  ProjectArchived: (data) => ({ type: 'ProjectArchived', data: { archivedAt: data.archivedAt } }),
  ProjectUnarchived: (data) => ({ type: 'ProjectUnarchived', data: { unarchivedAt: data.unarchivedAt } }),
};

/** What the stories service publishes, by stream type (story reviews live in the sessions service). */
export const storiesPublication: ServicePublication = {
  [STORY_STREAM]: storyPublication,
  [PROJECT_STREAM]: projectPublication,
};
