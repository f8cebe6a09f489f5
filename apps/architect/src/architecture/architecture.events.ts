import type { DirtyCause } from './dirty-cause';
import type { ComponentKind } from '../component/component-kind';

/**
 * Events of a project's `architecture-<projectId>` stream: every component, link, dependency and
 * status change of one project in one stream, so that rules spanning the graph (no cycles, unique
 * names) are decided against one consistent version.
 */
export interface ComponentCreated {
  readonly type: 'ComponentCreated';
  readonly data: {
    readonly componentId: string;
    readonly projectId: string;
    readonly parentId: string | null;
    readonly name: string;
    readonly kind: ComponentKind;
    readonly description: string;
    readonly at: string;
  };
}

export interface DependencyAdded {
  readonly type: 'DependencyAdded';
  readonly data: { readonly fromId: string; readonly toId: string; readonly at: string };
}

export interface DependencyRemoved {
  readonly type: 'DependencyRemoved';
  readonly data: { readonly fromId: string; readonly toId: string; readonly at: string };
}

/** A design version was stored for the component (valid or not). The newest valid one is accepted. */
export interface ComponentDesignRecorded {
  readonly type: 'ComponentDesignRecorded';
  readonly data: {
    readonly componentId: string;
    readonly designVersion: number;
    readonly valid: boolean;
    readonly at: string;
  };
}

/** Red or green evidence from a sandbox run of the sessions service. */
export interface ComponentTestEvidenceRecorded {
  readonly type: 'ComponentTestEvidenceRecorded';
  readonly data: {
    readonly componentId: string;
    readonly runId: string;
    readonly evidence: 'red' | 'green';
    readonly at: string;
  };
}

/** A story was mapped onto a component (published: the stories service records the link). */
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

/** A linked story was revised after the design was accepted (published: the story is marked DIRTY). */
export interface ComponentMarkedDirty {
  readonly type: 'ComponentMarkedDirty';
  readonly data: {
    readonly componentId: string;
    readonly componentName: string;
    readonly storyId: string;
    readonly storyVersion: number;
    readonly reason: string;
    /** Absent from events recorded before causes were (read as a STORY_REVISED). */
    readonly cause?: DirtyCause;
    readonly at: string;
  };
}

/** A component (or context) takes a new name; its module name follows. */
export interface ComponentRenamed {
  readonly type: 'ComponentRenamed';
  readonly data: {
    readonly componentId: string;
    readonly name: string;
    readonly previousName: string;
    readonly at: string;
  };
}

/** A component's new description. */
export interface ComponentDescribed {
  readonly type: 'ComponentDescribed';
  readonly data: { readonly componentId: string; readonly description: string; readonly at: string };
}

/**
 * A component leaves the architecture. Its stories were unlinked and its dependencies removed by
 * the events before it, in the same append; `forced` says whether the caller asked for that.
 */
export interface ComponentDeleted {
  readonly type: 'ComponentDeleted';
  readonly data: {
    readonly componentId: string;
    readonly name: string;
    readonly forced: boolean;
    readonly unlinkedStoryIds: readonly string[];
    readonly removedDependencies: readonly { readonly fromId: string; readonly toId: string }[];
    readonly at: string;
  };
}

/**
 * A person declared that the changes that made the component DIRTY need no rework (a typo fix):
 * the accepted design, and the evidence gathered for it, stand. The causes waived are kept here.
 */
export interface ComponentDirtinessWaived {
  readonly type: 'ComponentDirtinessWaived';
  readonly data: {
    readonly componentId: string;
    readonly reason: string;
    /** The causes this waiver accepts (every one, before waivers could name some). */
    readonly waivedCauses: readonly DirtyCause[];
    /** Criteria whose changed text the evidence recorded so far still verifies (absent: none). */
    readonly keptEvidence?: readonly { readonly criterionId: string; readonly ref: string }[];
    readonly at: string;
  };
}

/**
 * A change inside the architecture made the component's work stale (see the public contract of the
 * same name): a story linked or unlinked, a dependency added, removed or redesigned (its design is
 * stale: DIRTY), or its own design replaced (`DESIGN_CHANGED`: its tests and code are stale until
 * new red-then-green evidence). `storyIds` are the stories whose status follows.
 */
export interface ComponentWentStale {
  readonly type: 'ComponentWentStale';
  readonly data: {
    readonly componentId: string;
    readonly componentName: string;
    readonly storyIds: readonly string[];
    readonly cause: DirtyCause;
    readonly at: string;
  };
}

/** The component is no longer DIRTY (see the public contract of the same name). */
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

/** Every criterion of the story is VERIFIED for the component's accepted design (see the public contract). */
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

export type ArchitectureEvent =
  | ComponentCreated
  | StoryMappedToComponent
  | StoryUnmappedFromComponent
  | DependencyAdded
  | DependencyRemoved
  | ComponentDesignRecorded
  | ComponentTestEvidenceRecorded
  | ComponentMarkedDirty
  | ComponentWentStale
  | ComponentRenamed
  | ComponentDescribed
  | ComponentDeleted
  | ComponentDirtinessWaived
  | ComponentDirtinessCleared
  | StoryVerified;
