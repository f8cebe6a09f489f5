/**
 * Public events of the architect service that other services consume
 * (topic `codemyspec.architect.architecture.v1`, one stream per project: `architecture-<projectId>`).
 */
export const ARCHITECT_SERVICE = 'architect';
export const ARCHITECTURE_STREAM = 'architecture';
export const DESIGN_STREAM = 'design';

/** A story was mapped onto a component (the stories service records the link on the story). */
export interface StoryMappedToComponent {
  readonly type: 'StoryMappedToComponent';
  readonly data: {
    readonly storyId: string;
    readonly componentId: string;
    readonly componentName: string;
    readonly at: string;
  };
}

export interface StoryUnmappedFromComponent {
  readonly type: 'StoryUnmappedFromComponent';
  readonly data: { readonly storyId: string; readonly componentId: string; readonly at: string };
}

/**
 * A story linked to the component was revised after the component's design was accepted: its
 * design, tests and code are stale. Names the story and the story version that caused it.
 */
export interface ComponentMarkedDirty {
  readonly type: 'ComponentMarkedDirty';
  readonly data: {
    readonly componentId: string;
    readonly componentName: string;
    readonly storyId: string;
    readonly storyVersion: number;
    readonly reason: string;
    readonly at: string;
  };
}

/**
 * A DIRTY component's work is current again: a new design was accepted (`REDESIGNED`) or a person
 * declared the change needs no rework (`WAIVED`). Its linked stories are no longer stale.
 */
export interface ComponentDirtinessCleared {
  readonly type: 'ComponentDirtinessCleared';
  readonly data: {
    readonly componentId: string;
    readonly componentName: string;
    readonly storyIds: readonly string[];
    readonly how: 'REDESIGNED' | 'WAIVED';
    readonly at: string;
  };
}

/**
 * A change inside the architecture made the component's work stale: a story linked or unlinked
 * (`STORY_LINKED`, `STORY_UNLINKED`), a dependency added, removed or redesigned
 * (`DEPENDENCY_CHANGED`): its design is stale; or its own design replaced (`DESIGN_CHANGED`): its
 * tests and code are. The stories named (its linked stories, or for `DESIGN_CHANGED` those it had
 * verified) are stale with it; the stories service marks them DIRTY.
 */
export interface ComponentWentStale {
  readonly type: 'ComponentWentStale';
  readonly data: {
    readonly componentId: string;
    readonly componentName: string;
    readonly storyIds: readonly string[];
    readonly kind: 'STORY_LINKED' | 'STORY_UNLINKED' | 'DEPENDENCY_CHANGED' | 'DESIGN_CHANGED';
    readonly summary: string;
    readonly at: string;
  };
}

/**
 * Every acceptance criterion of the story is VERIFIED for its component's accepted design: cited,
 * tested, seen red for the right reason, then green (`runId`). The stories service completes it.
 */
export interface StoryVerified {
  readonly type: 'StoryVerified';
  readonly data: {
    readonly componentId: string;
    readonly componentName: string;
    readonly storyId: string;
    readonly runId: string;
    readonly at: string;
  };
}

/**
 * A design version was submitted for a component (topic `codemyspec.architect.design.v1`, stream
 * `design-<componentId>`); a valid one is the component's accepted design from then on. The git
 * record of the sessions service commits accepted designs.
 */
export interface PublicDesignSubmitted {
  readonly type: 'DesignSubmitted';
  readonly data: {
    readonly designId: string;
    readonly componentId: string;
    /** Absent for designs submitted before names were recorded. */
    readonly componentName?: string;
    readonly contextName?: string | null;
    readonly version: number;
    readonly markdown: string;
    readonly sha256: string;
    readonly valid: boolean;
    readonly errors: readonly {
      readonly code: string;
      readonly message: string;
      readonly section: string | null;
    }[];
    readonly proposedComponents: readonly string[];
    readonly testAssertions: readonly string[];
    readonly at: string;
  };
}

export type PublicArchitectEvent =
  | StoryMappedToComponent
  | StoryUnmappedFromComponent
  | ComponentMarkedDirty
  | ComponentWentStale
  | ComponentDirtinessCleared
  | StoryVerified;
