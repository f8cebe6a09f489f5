import type { ComponentMarkedDirty, StoryMappedToComponent, StoryUnmappedFromComponent } from '@app/domain';
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

export type ArchitectureEvent =
  | ComponentCreated
  | StoryMappedToComponent
  | StoryUnmappedFromComponent
  | DependencyAdded
  | DependencyRemoved
  | ComponentDesignRecorded
  | ComponentTestEvidenceRecorded
  | ComponentMarkedDirty;
