import type { ComponentKind } from '../component/component-kind';
import type { DirtyCause } from '../architecture/dirty-cause';

/** Commands of a project's architecture stream. Ids and time (`at`) come in with the command. */
export interface CreateComponent {
  readonly type: 'CreateComponent';
  readonly componentId: string;
  readonly projectId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly description: string;
  readonly at: string;
}

/** The handler checks the story in the local copy of stories and passes its project. */
export interface MapStoryToComponent {
  readonly type: 'MapStoryToComponent';
  readonly storyId: string;
  readonly storyProjectId: string;
  readonly componentId: string;
  /** Move a story linked to another component; without it that is a CONFLICT. */
  readonly replace?: boolean;
  /** For the dirty cause's summary. */
  readonly storyTitle?: string;
  readonly at: string;
}

export interface UnmapStoryFromComponent {
  readonly type: 'UnmapStoryFromComponent';
  readonly storyId: string;
  readonly componentId: string;
  /** For the dirty cause's summary. */
  readonly storyTitle?: string;
  readonly at: string;
}

export interface AddDependency {
  readonly type: 'AddDependency';
  readonly fromId: string;
  readonly toId: string;
  readonly at: string;
}

export interface RemoveDependency {
  readonly type: 'RemoveDependency';
  readonly fromId: string;
  readonly toId: string;
  readonly at: string;
}

export interface RecordComponentDesign {
  readonly type: 'RecordComponentDesign';
  readonly componentId: string;
  readonly designVersion: number;
  readonly valid: boolean;
  readonly at: string;
}

export interface RecordTestEvidence {
  readonly type: 'RecordTestEvidence';
  readonly componentId: string;
  readonly runId: string;
  readonly evidence: 'red' | 'green';
  readonly at: string;
}

/** A linked story changed (`storyVersion`, at `revisedAt`): its text or one of its criteria, as `cause` says. */
export interface MarkComponentDirty {
  readonly type: 'MarkComponentDirty';
  readonly componentId: string;
  readonly storyId: string;
  readonly storyVersion: number;
  readonly revisedAt: string;
  readonly cause: Pick<DirtyCause, 'kind' | 'summary'>;
  readonly at: string;
}

export interface RenameComponent {
  readonly type: 'RenameComponent';
  readonly componentId: string;
  readonly name: string;
  readonly at: string;
}

export interface DescribeComponent {
  readonly type: 'DescribeComponent';
  readonly componentId: string;
  readonly description: string;
  readonly at: string;
}

/** Without `force`, refused while stories are linked or other components depend on it. */
export interface DeleteComponent {
  readonly type: 'DeleteComponent';
  readonly componentId: string;
  readonly force: boolean;
  /** Automated sessions working on it now (none may be: cancel them first). */
  readonly runningSessions?: readonly { readonly sessionId: string; readonly sessionType: string }[];
  readonly at: string;
}

/** "This change needs no rework": the accepted design stays current; the actor is recorded with the event. */
export interface AcceptDesignAsCurrent {
  readonly type: 'AcceptDesignAsCurrent';
  readonly componentId: string;
  readonly reason: string;
  /** The causes waived, by stream and version; absent: every one. */
  readonly causes?: readonly { readonly source: string; readonly version: number }[];
  /**
   * Criteria whose new text the tests that already ran still verify (resolved from their `AC-n`
   * references); any other criterion whose text changed needs a green run again to be VERIFIED.
   */
  readonly keepEvidenceFor?: readonly { readonly criterionId: string; readonly ref: string }[];
  readonly at: string;
}

/** Every criterion of a linked story is VERIFIED since the design was accepted (`runId` made it so). */
export interface RecordStoryVerified {
  readonly type: 'RecordStoryVerified';
  readonly componentId: string;
  readonly storyId: string;
  readonly runId: string;
  readonly at: string;
}

export type ArchitectureCommand =
  | CreateComponent
  | MapStoryToComponent
  | UnmapStoryFromComponent
  | AddDependency
  | RemoveDependency
  | RecordComponentDesign
  | RecordTestEvidence
  | MarkComponentDirty
  | RenameComponent
  | DescribeComponent
  | DeleteComponent
  | AcceptDesignAsCurrent
  | RecordStoryVerified;
