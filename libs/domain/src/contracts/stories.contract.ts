/**
 * Public events of the stories service that other services consume
 * (topics `codemyspec.stories.project.v1` and `codemyspec.stories.story.v1`).
 * The service's publication (`apps/stories/src/publication/`) maps its internal events onto these;
 * its other events reach the bus for the audit timeline only. Event types are permanent; shapes
 * only grow optional fields (or get a new schema version and an upcaster).
 */
export const STORIES_SERVICE = 'stories';
export const PROJECT_STREAM = 'project';
export const STORY_STREAM = 'story';

export interface PublicStoryCreated {
  readonly type: 'StoryCreated';
  readonly data: {
    readonly storyId: string;
    readonly projectId: string;
    readonly title: string;
    readonly description: string;
    /** `ref` (`AC-<n>`) is absent for criteria recorded before references existed. */
    readonly acceptanceCriteria: readonly {
      readonly id: string;
      readonly ref?: string;
      readonly description: string;
    }[];
    readonly createdAt: string;
  };
}

/** A criterion added to the story (stream `story-<id>`); `ref` as in StoryCreated. */
export interface PublicAcceptanceCriterionAdded {
  readonly type: 'AcceptanceCriterionAdded';
  readonly data: {
    readonly criterionId: string;
    readonly ref?: string;
    readonly description: string;
    readonly at: string;
  };
}

/** A criterion's new text; `ref` and `previousDescription` (its old text) when known. */
export interface PublicAcceptanceCriterionUpdated {
  readonly type: 'AcceptanceCriterionUpdated';
  readonly data: {
    readonly criterionId: string;
    readonly ref?: string;
    readonly description: string;
    readonly previousDescription?: string;
    readonly at: string;
  };
}

/** `ref` and `description` (what the criterion said) when known. */
export interface PublicAcceptanceCriterionRemoved {
  readonly type: 'AcceptanceCriterionRemoved';
  readonly data: {
    readonly criterionId: string;
    readonly ref?: string;
    readonly description?: string;
    readonly at: string;
  };
}

/**
 * References (`AC-<n>`) given to criteria of the story that had none (recorded before references
 * existed). The criteria's text and meaning are unchanged: nothing becomes stale.
 */
export interface PublicAcceptanceCriteriaReferenced {
  readonly type: 'AcceptanceCriteriaReferenced';
  readonly data: {
    readonly refs: { readonly criterionId: string; readonly ref: string }[];
    readonly at: string;
  };
}

export type PublicCriterionEvent =
  PublicAcceptanceCriterionAdded | PublicAcceptanceCriterionUpdated | PublicAcceptanceCriterionRemoved;

export interface PublicStoryRevised {
  readonly type: 'StoryRevised';
  readonly data: { readonly title: string; readonly description: string; readonly revisedAt: string };
}

export interface PublicStoryDeleted {
  readonly type: 'StoryDeleted';
  readonly data: { readonly at: string };
}

export interface PublicProjectCreated {
  readonly type: 'ProjectCreated';
  readonly data: {
    readonly projectId: string;
    readonly name: string;
    readonly description: string;
    readonly createdAt: string;
  };
}

/** A project's new name (stream `project-<id>`). */
export interface PublicProjectRenamed {
  readonly type: 'ProjectRenamed';
  readonly data: { readonly name: string; readonly renamedAt: string };
}

export type PublicStoryEvent =
  | PublicStoryCreated
  | PublicStoryRevised
  | PublicStoryDeleted
  | PublicCriterionEvent
  | PublicAcceptanceCriteriaReferenced;

/** `project-<uuid>` → the uuid. */
export function projectIdFromStream(streamId: string): string {
  return streamId.startsWith(`${PROJECT_STREAM}-`) ? streamId.slice(PROJECT_STREAM.length + 1) : streamId;
}

/** A project stops taking writes in every service (stream `project-<id>`). */
export interface PublicProjectArchived {
  readonly type: 'ProjectArchived';
  readonly data: { readonly archivedAt: string };
}

/** An archived project takes writes again. */
export interface PublicProjectUnarchived {
  readonly type: 'ProjectUnarchived';
  readonly data: { readonly unarchivedAt: string };
}

export type PublicProjectEvent =
  PublicProjectCreated | PublicProjectRenamed | PublicProjectArchived | PublicProjectUnarchived;

/** `story-<uuid>` → the uuid. */
export function storyIdFromStream(streamId: string): string {
  return streamId.startsWith(`${STORY_STREAM}-`) ? streamId.slice(STORY_STREAM.length + 1) : streamId;
}
