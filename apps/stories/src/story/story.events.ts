import type { StoryPriority, StoryStatus, StoryStatusReason } from './story.values';

/**
 * The events of a `story-<id>` stream. Type strings are permanent: change a shape only by adding
 * optional fields (or an upcaster), never by renaming.
 */
export interface StoryCreated {
  readonly type: 'StoryCreated';
  readonly data: {
    readonly storyId: string;
    readonly projectId: string;
    readonly title: string;
    readonly description: string;
    /** `ref` is absent from stories created before criterion references existed. */
    readonly acceptanceCriteria: readonly {
      readonly id: string;
      readonly ref?: string;
      readonly description: string;
    }[];
    readonly tags: readonly string[];
    readonly priority: StoryPriority;
    readonly createdAt: string;
  };
}

/** Full new values of both fields. */
export interface StoryRevised {
  readonly type: 'StoryRevised';
  readonly data: { readonly title: string; readonly description: string; readonly revisedAt: string };
}

export interface AcceptanceCriterionAdded {
  readonly type: 'AcceptanceCriterionAdded';
  readonly data: {
    readonly criterionId: string;
    /** Absent from criteria added before references existed. */
    readonly ref?: string;
    readonly description: string;
    readonly at: string;
  };
}

/**
 * New text for a criterion; the criterion is no longer verified. `ref` and `previousDescription`
 * (what it said before) are absent from events recorded before they were added.
 */
export interface AcceptanceCriterionUpdated {
  readonly type: 'AcceptanceCriterionUpdated';
  readonly data: {
    readonly criterionId: string;
    readonly ref?: string;
    readonly description: string;
    readonly previousDescription?: string;
    readonly at: string;
  };
}

/** `ref` and `description` (what the criterion said) are absent from events recorded before they were added. */
export interface AcceptanceCriterionRemoved {
  readonly type: 'AcceptanceCriterionRemoved';
  readonly data: {
    readonly criterionId: string;
    readonly ref?: string;
    readonly description?: string;
    readonly at: string;
  };
}

/**
 * References issued to criteria recorded before references existed (`assignCriterionRefs`). Only
 * names change: the criteria's text and verification stay as they were.
 */
export interface AcceptanceCriteriaReferenced {
  readonly type: 'AcceptanceCriteriaReferenced';
  readonly data: {
    readonly refs: readonly { readonly criterionId: string; readonly ref: string }[];
    readonly at: string;
  };
}

export interface AcceptanceCriterionVerified {
  readonly type: 'AcceptanceCriterionVerified';
  readonly data: { readonly criterionId: string; readonly at: string };
}

/** The full new tag list (normalized: trimmed, lower-cased, without duplicates). */
export interface StoryTagsChanged {
  readonly type: 'StoryTagsChanged';
  readonly data: { readonly tags: readonly string[]; readonly at: string };
}

export interface StoryPrioritized {
  readonly type: 'StoryPrioritized';
  readonly data: { readonly priority: StoryPriority; readonly at: string };
}

export interface StoryStatusChanged {
  readonly type: 'StoryStatusChanged';
  readonly data: { readonly status: StoryStatus; readonly reason: StoryStatusReason; readonly at: string };
}

/** Mirrors the architect service: the story is now mapped onto this component (replacing any other). */
export interface StoryLinkedToComponent {
  readonly type: 'StoryLinkedToComponent';
  readonly data: { readonly componentId: string; readonly componentName: string; readonly at: string };
}

export interface StoryUnlinkedFromComponent {
  readonly type: 'StoryUnlinkedFromComponent';
  readonly data: { readonly componentId: string; readonly at: string };
}

export interface StoryDeleted {
  readonly type: 'StoryDeleted';
  readonly data: { readonly at: string };
}

export type StoryEvent =
  | StoryCreated
  | StoryRevised
  | AcceptanceCriterionAdded
  | AcceptanceCriterionUpdated
  | AcceptanceCriterionRemoved
  | AcceptanceCriterionVerified
  | AcceptanceCriteriaReferenced
  | StoryTagsChanged
  | StoryPrioritized
  | StoryStatusChanged
  | StoryLinkedToComponent
  | StoryUnlinkedFromComponent
  | StoryDeleted;

export type StoryEventType = StoryEvent['type'];

/** Every story event type, e.g. for a projection's handler map or a topic filter. */
export const STORY_EVENT_TYPES: readonly StoryEventType[] = [
  'StoryCreated',
  'StoryRevised',
  'AcceptanceCriterionAdded',
  'AcceptanceCriterionUpdated',
  'AcceptanceCriterionRemoved',
  'AcceptanceCriterionVerified',
  'AcceptanceCriteriaReferenced',
  'StoryTagsChanged',
  'StoryPrioritized',
  'StoryStatusChanged',
  'StoryLinkedToComponent',
  'StoryUnlinkedFromComponent',
  'StoryDeleted',
];

export function isStoryEvent(event: { readonly type: string }): event is StoryEvent {
  return (STORY_EVENT_TYPES as readonly string[]).includes(event.type);
}
